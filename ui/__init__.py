"""The Qt shell of the desk: it shows what the core returns and collects what people type."""
