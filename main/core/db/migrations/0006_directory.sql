-- Issue 6: service directory (organisations and services). Filled in by its slice.
SELECT 1;
