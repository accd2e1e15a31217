"""Deciding one complaint: the complaint input, the decision models, the engine
(``decide``, ``decide_json``), a plain reference decider, many complaints at once
(``batch``) and a decision in plain text. The speed-only parts are private, in
``_fast``.
"""
