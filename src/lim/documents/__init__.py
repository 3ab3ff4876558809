"""Document helpers shared by the web, the CLI and the worker (no Django import)."""
