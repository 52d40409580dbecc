"""Editor tools: the check report and `faqgen new`."""
