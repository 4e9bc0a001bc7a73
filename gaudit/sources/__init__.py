"""Readers that turn non-text report containers (Word, legacy Word, OFD) into text lines."""
