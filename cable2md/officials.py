def find_mentions(paragraphs):
    return []
