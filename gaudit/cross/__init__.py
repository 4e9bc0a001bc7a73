"""Audits across reports: the same organ over the years, organs against each other, a
parent against its children.

The per-file audit stays a pure function in the process pool; with cross-report rules
enabled each worker also leaves a compact :mod:`record <gaudit.cross.record>` of its report
(organ, year, template, the table rows compared, MinHash sketches of the narrative
sections).  :mod:`gaudit.cross.passes` spools the audited files, pairs the records
(:mod:`gaudit.cross.corpus`, :mod:`gaudit.cross.organs`) and runs the cross check types of
:mod:`gaudit.cross.checks` (rules in ``rules/cross.yaml``), then replays the files in path
order with the cross findings merged in.  :mod:`gaudit.cross.tally` counts findings per
organ and year for ``--statistics``.
"""
