-- Baseline: this service's tables arrive with its own migrations.
SELECT 1;
