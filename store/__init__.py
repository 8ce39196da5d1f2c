"""The corpus store: schema, importer, extraction and queries; it never imports Textual."""
