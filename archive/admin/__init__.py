"""Editor curation in the Django admin: every archive model registered, merges, review actions.

Importing this package registers everything (Django's autodiscover imports `archive.admin`).
The pages only collect input and show results; the writes are in `archive.services`.
"""

from django.contrib import admin

from . import records  # noqa: F401  (registers the ModelAdmins)

admin.site.site_header = "Bilateral meetings archive — editors"
admin.site.site_title = "Archive editors"
admin.site.index_title = "Curate the archive"
