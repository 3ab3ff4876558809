"""The equality statement (likestillingsredegjørelse): workforce import, statistics, report.

The pure core (`reader`, `stats`, `report`, `render.xlsx`, `cli`) never imports Django, so
`lim equality report` runs on files alone. Import the submodules directly; this package
imports nothing so that the command starts quickly.
"""
