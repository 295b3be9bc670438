"""The benchmark harness behind `manage.py bench` and `make bench`."""
