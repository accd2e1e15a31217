"""The officer's workbench, read-only part: a policy shown as pages for people.

It owns the views of a policy as complete HTML pages (:mod:`.pages`: the source text
beside the rules that encode it, what is not encoded and why, the vocabulary, the
classification table, routing by channel, deadlines, escalations, penalties by finding,
approvals, gaps and conflicts; and the index of policies), their diagrams drawn as inline
SVG by a layered layout written here (:mod:`.layout`, :mod:`.diagram`), the studio's own
words in three languages (:mod:`.words`), the safe writing of HTML and the one stylesheet
(:mod:`.markup`), and what those pages need from files (:mod:`.survey`: loading, testing,
source texts, the static export of ``complaint-rules html``).

The pages are functions of their arguments: no web framework, no script, no external URL,
no clock. A web server returns them as they are. It sits in the outer ring beside
``cli/`` (import-linter keeps the core from importing it).
"""
