import sys

from govcloud_site.postbuild import main

sys.exit(main())
