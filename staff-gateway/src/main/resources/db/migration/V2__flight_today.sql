-- Whether the customer whose card was opened had a flight in today's window: looks at customers who are
-- not travelling are what browsing looks like (unusual-access rule "no-flight-today"). Null when unknown.
ALTER TABLE access_record ADD COLUMN flight_today boolean;
