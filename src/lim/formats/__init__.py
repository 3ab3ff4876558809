"""LIM's own display formats (FORMAT_MODULE_PATH): only where Django's differ from ours."""
