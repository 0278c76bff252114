"""N — the linter's own hygiene."""
