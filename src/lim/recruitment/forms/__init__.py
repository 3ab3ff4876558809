"""Forms of the recruitment pages: they parse and validate input; the services decide."""
