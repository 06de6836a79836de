"""The site's pages rendered from the checked data: data in, Markup (escaped HTML) out.

One module a page (home, timeline, figures, source, method, data), what they share
(common), how they name the source of each fact (attribution), the error panel shown
while the data is bad (errors), and `fragments`, the table of named fragments that
adapters such as the MkDocs hook fill placeholders from. Nothing here knows of MkDocs,
so another site generator can call it.
"""
