"""The nutgraf terminal browser and the `nutgraf` command."""
