"""Policies of an example hotel; complaint_rules finds the *.yaml files beside this one."""
