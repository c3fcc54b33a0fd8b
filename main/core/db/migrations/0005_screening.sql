-- Issue 6: screening (assessment templates and assessments). Filled in by its slice.
SELECT 1;
