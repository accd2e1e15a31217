"""The speed-only parts of the engine: what a policy's decisions share, built once per
compiled policy (``prepared``); the generated complaint parser; the decision's JSON
written from kept text (``writer``). Nothing here changes a decision: the test suite
checks every decision against the plain reference decider, byte for byte.
"""
