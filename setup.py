"""Build hook: ship ``samples/`` inside the ``resources`` package (everything else is in pyproject.toml).

The samples stay at the top of the source tree, where the README and the tests name them; an
installed app finds them as ``resources/samples`` (``designer.framework.resources.samples_folder``).
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SHIPPED = ("*.dao.yaml", "README.md")


class BuildWithSamples(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads samples/ in the source tree
        target = Path(self.build_lib, "resources", "samples")
        self.mkpath(str(target))
        for pattern in SHIPPED:
            for source in sorted(Path("samples").glob(pattern)):
                self.copy_file(str(source), str(target / source.name))


setup(cmdclass={"build_py": BuildWithSamples})
