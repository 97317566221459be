"""Graphs the build derives from the data, never read from a source: the lineage index (closures of the links
lineage and impact follow), the links to rinfo and lagen.nu, the union default graph, and the VoID/DCAT
description with its statistics — each computed afresh by a full build and updated by the change in an
incremental one."""
