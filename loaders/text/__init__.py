"""The text stage: page layout, flattened text, sentences, dates — what every kind reader reads from."""
