"""``python -m gaudit``."""

from gaudit.cli import main

if __name__ == "__main__":
    main()
