"""Generated Markdown -> HTML without Python-Markdown, byte for byte what it would make.

``page_html`` (block syntax) and ``inline_html`` (inline syntax) convert the subset of
Markdown the generated pages use, raising :class:`Unsupported` for anything else;
``generated_page`` is the MkDocs page that uses them; ``lean_markdown`` drops the inline
syntaxes generated pages never use when Python-Markdown converts one. Each is guarded by
byte-equality tests against Python-Markdown (tests/site/).
"""
