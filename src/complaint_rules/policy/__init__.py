"""The policy: what a policy file says (the model), its vocabulary and conditions, layers,
the checks that make a compiled policy, and around them the strict YAML reader, the
loader, signatures, the catalog of bundled and host policies, the JSON Schema and the
YAML writer.
"""
