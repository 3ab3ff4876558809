"""The recruitment pages, split by step; each view parses, authorises through the access
helpers, calls one service and renders."""
