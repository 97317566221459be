"""When a meeting was: the date stated, or a range inferred from the text; and the meetings a schedule lists."""
