"""Inputs -> Page: the one decoding path, files, and (later) archives and URLs."""
