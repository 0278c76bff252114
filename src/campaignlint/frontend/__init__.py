"""The front end: `.camp` bytes → text → parse tree → resolved model, and the E-rules.

Read it in the order a file goes through it:

* ``decode``  — bytes → ``SourceText`` (E008: too large, not UTF-8, a NUL);
* ``parser``  — text → ``tree.Document`` (E001), with ``grammar`` (the Lark
  parsers), ``literals`` (every value decoded, E003/E008 kept on the value) and
  ``syntax_errors`` (Lark's errors in words);
* ``resolve`` — tree → ``model.CampaignFile`` (E002–E007), one module per block;
* ``loader``  — one run's files with their imports (E006), built-in channels;
* ``problems`` — the ``Problem`` they all emit and the documentation of E001–E008.

This package file imports nothing: ``decode`` and ``problems`` are light (no
Lark, no pydantic) and a run answered from the cache must stay so.
"""
