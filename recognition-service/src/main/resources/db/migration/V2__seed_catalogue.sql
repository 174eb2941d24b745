-- The starting catalogue. New preferences and purposes are new rows (a migration), not code.

INSERT INTO preference_definition (key, category, label, value_type, allowed_values, max_length, special_category) VALUES
    ('seat.position',       'seat',       'Seat position',              'ENUM', 'aisle,window,front,exit-row', NULL, false),
    ('meal.dietary',        'meal',       'Dietary preference',         'ENUM', 'vegetarian,vegan,halal,kosher,gluten-free,lactose-free,no-preference', NULL, false),
    ('drink.welcome',       'drink',      'Welcome drink',              'ENUM', 'water,sparkling-water,juice,champagne,tea,coffee,none', NULL, false),
    ('newspaper',           'reading',    'Newspaper',                  'TEXT', NULL, 60, false),
    ('language.spoken',     'language',   'Language to be spoken to in', 'ENUM', 'en,fr,de,es,it,pt,nl,ja,zh,ar', NULL, false),
    ('address.form',        'address',    'Preferred form of address',  'TEXT', NULL, 40, false),
    ('assistance.mobility', 'assistance', 'Mobility assistance',        'ENUM', 'wheelchair-to-gate,wheelchair-to-seat,walking-aid,extra-time', NULL, true);

INSERT INTO purpose (key, categories, special_category, max_duration_months) VALUES
    ('personalised-service', 'seat,meal,drink,reading,language,address', false, 24),
    ('assistance-sharing',   'assistance', true, 24),
    ('recognition-by-photo', 'photo', false, 24),
    ('proactive-contact',    '', false, 24);

INSERT INTO purpose_notice (purpose_key, version, language, title, text, published_at) VALUES
    ('personalised-service', 1, 'en', 'Personal touches at the airport',
     'If you agree, staff at the touchpoints you choose will see the preferences you pick (such as your seat or meal preference) when they serve you. They see nothing else. You can withdraw at any time, and the next time staff look it is gone. This consent ends on the date shown unless you renew it.',
     '2026-01-01T00:00:00Z'),
    ('assistance-sharing', 1, 'en', 'Sharing the assistance you need',
     'If you agree, staff at the touchpoints you choose will see the assistance you told us you need, so they can help without you having to ask again. This is health information: it is shown only with this separate consent, only to the roles you pick, and you can withdraw it at any time.',
     '2026-01-01T00:00:00Z'),
    ('recognition-by-photo', 1, 'en', 'Being recognised from your photo',
     'If you agree, staff at the touchpoints you choose will see the photo you uploaded, to greet you by name. We never take photos from the web or social media. Delete the photo or withdraw this consent at any time.',
     '2026-01-01T00:00:00Z'),
    ('proactive-contact', 1, 'en', 'Being approached about a past issue',
     'If you agree, staff may approach you about a recent problem with your travel (for example a delayed bag) to put it right. Without this consent they wait for you to raise it.',
     '2026-01-01T00:00:00Z');
