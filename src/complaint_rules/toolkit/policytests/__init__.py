"""The officers' test cases beside a policy (``<id>.tests.yaml``): the file format and its
runner, the expected decision fields as an officer writes them, and which parts of the
policy the cases exercised.
"""
