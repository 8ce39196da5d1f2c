"""`nutgraf serve`: the browser as a web page, behind Host, Origin and token checks."""
