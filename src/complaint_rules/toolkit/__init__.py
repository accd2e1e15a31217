"""Tools on the public API for the people who keep a policy: its finite input space, the
semantic diff between two versions, lint, the impact of a change on a history, diagrams,
article coverage of a source text, and the officers' test cases beside a policy.
"""
