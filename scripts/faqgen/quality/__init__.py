"""Quality: page weight and Lighthouse audits of a served build."""
