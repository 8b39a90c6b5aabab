import sys

from tfcompat._src.cli import main

sys.exit(main())
