def find_participants(blocks, paragraphs):
    return []
