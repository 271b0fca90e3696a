# Build and test ncloud.compute. `make test` is what CI runs (.ci/run); docs/testing.md explains each stage.
# Every target sets up what it needs (venvs, the staged ansible_collections tree, ansible-test's pip bootstrap).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := test
MAKEFLAGS += --no-print-directory

ROOT := $(CURDIR)
BUILD := $(ROOT)/.build
VENVS := $(ROOT)/.venv
OLDEST := 2.19
NEWEST := 2.21
CORES := $(OLDEST) $(NEWEST)

# The newest pyenv build of Python X.Y (real binaries: ansible-test is confused by pyenv shims), else pythonX.Y on PATH.
PYENV_VERSIONS ?= $(HOME)/.pyenv/versions
python_for = $(or $(shell ls -d $(PYENV_VERSIONS)/$(1).*/bin/python$(1) 2>/dev/null | sort -V | tail -n 1),$(shell command -v python$(1)))
PYTHON_2.19 := $(call python_for,3.11)
PYTHON_2.21 := $(call python_for,3.13)
# Every Python some supported ansible-core targets; sanity and units run on each one found.
TEST_PYTHON_VERSIONS := 3.8 3.9 3.10 3.11 3.12 3.13 3.14
PYTHONS_DIR := $(BUILD)/pythons

# The oldest core's venv also holds every tool (pytest, ansible-lint, antsibull-changelog, galaxy-importer).
TOOLS := $(VENVS)/core-$(OLDEST)/bin
# Staged copies live outside the work tree: ansible-test walks up to the nearest .git and would list the repo's files.
STAGE_ROOT ?= $(or $(TMPDIR),/tmp)/ncloud.compute-$(shell printf %s "$(ROOT)" | cksum | cut -d' ' -f1)
stage_dir = $(STAGE_ROOT)/core-$(1)/ansible_collections/ncloud/compute
OLDEST_TREE := $(call stage_dir,$(OLDEST))
DIST := $(BUILD)/dist
TIMINGS := $(BUILD)/timings.txt

# ansible writes ~/.ansible/tmp unless told otherwise.
export ANSIBLE_LOCAL_TEMP := $(BUILD)/tmp/ansible-local
export ANSIBLE_REMOTE_TMP := $(BUILD)/tmp/ansible-remote
export GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP := $(ANSIBLE_LOCAL_TEMP)
export ANSIBLE_NOCOLOR := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# ARGS: extra arguments for one suite, e.g. make sanity-2.19 ARGS='--test pylint'.
# For ansible-test: the venv first (ansible-test itself), then python3.X links to the real interpreters.
test_path = $(VENVS)/core-$(1)/bin:$(PYTHONS_DIR):$(PATH)
# pytest exits 5 when it collects nothing; only an empty suite may pass that way.
allow_empty_suite = || { rc=$$?; if [ $$rc -eq 5 ]; then echo "no tests collected (suite still empty)"; else exit $$rc; fi; }

.PHONY: test sanity units integration lint ansible-lint changelog build importer demo bench clean distclean lock \
	$(addprefix sanity-,$(CORES)) $(addprefix units-,$(CORES)) $(addprefix prepare-,$(CORES))

# --- the whole run -------------------------------------------------------------------------------------------
STAGES := sanity-$(OLDEST) units-$(OLDEST) sanity-$(NEWEST) units-$(NEWEST) integration ansible-lint changelog build importer

# Every stage runs even after one fails, so one CI log shows every problem.
test:
	@rm -f $(TIMINGS); mkdir -p $(BUILD); start=$$SECONDS; failed=""; \
	for stage in $(STAGES); do STAGE_TIMINGS=$(TIMINGS) tools/run_stage.sh $$stage $(MAKE) $$stage || failed="$$failed $$stage"; done; \
	echo "Stage timings (seconds):"; cat $(TIMINGS); \
	if [ -n "$$failed" ]; then echo "make test: FAILED stages:$$failed ($$((SECONDS - start)) s)"; exit 1; fi; \
	echo "make test: all $(words $(STAGES)) stages passed in $$((SECONDS - start)) s"

# --- setup ---------------------------------------------------------------------------------------------------
$(VENVS)/core-%/.stamp: tools/requirements/core-%.txt tools/requirements/core-%.lock
	@test -n "$(PYTHON_$*)" || { echo "no Python found for ansible-core $*"; exit 1; }
	rm -rf $(VENVS)/core-$*
	$(PYTHON_$*) -m venv $(VENVS)/core-$*
	$(VENVS)/core-$*/bin/pip install -qq -r tools/requirements/core-$*.txt -c tools/requirements/core-$*.lock
	touch $@

$(PYTHONS_DIR)/.stamp: Makefile
	rm -rf $(PYTHONS_DIR) && mkdir -p $(PYTHONS_DIR)
	for version in $(TEST_PYTHON_VERSIONS); do \
		python=$$(ls -d $(PYENV_VERSIONS)/$$version.*/bin/python$$version 2>/dev/null | sort -V | tail -n 1 || true); \
		if [ -n "$$python" ]; then ln -s "$$python" $(PYTHONS_DIR)/python$$version; else echo "python$$version: not found, skipped"; fi; \
	done
	touch $@

# A fresh copy of the tree for one core (its tests/output is kept), the pip bootstrap for its ansible-test.
$(addprefix prepare-,$(CORES)): prepare-%: $(VENVS)/core-%/.stamp $(PYTHONS_DIR)/.stamp
	@mkdir -p $(ANSIBLE_LOCAL_TEMP) $(ANSIBLE_REMOTE_TMP)
	@$(VENVS)/core-$*/bin/python tools/stage.py $(STAGE_ROOT)/core-$* >/dev/null
	@$(VENVS)/core-$*/bin/python tools/provide_get_pip.py

# Regenerate the lock files (every transitive pin) from the top-level pins in tools/requirements/*.txt.
lock:
	$(foreach core,$(CORES),tools/lock.sh "$(PYTHON_$(core))" tools/requirements/core-$(core);)

# --- ansible-test --------------------------------------------------------------------------------------------
sanity: $(addprefix sanity-,$(CORES))
units: $(addprefix units-,$(CORES))

$(addprefix sanity-,$(CORES)): sanity-%: prepare-%
	cd $(call stage_dir,$*) && PATH=$(call test_path,$*) ansible-test sanity --venv --color no $(ARGS)

$(addprefix units-,$(CORES)): units-%: prepare-%
	cd $(call stage_dir,$*) && PATH=$(call test_path,$*) ansible-test units --venv --color no $(ARGS)

# --- pytest suites against the emulator ----------------------------------------------------------------------
# Four workers on two cores: the tests spend much of their time waiting (emulator timings, ansible start-up).
integration: prepare-$(OLDEST)
	cd $(OLDEST_TREE) && $(TOOLS)/python -m pytest -n 4 -p no:cacheprovider $(or $(ARGS),tests/integration) $(allow_empty_suite)

bench: prepare-$(OLDEST)
	@# Runs in the staged copy; the report goes to the work tree's docs/.
	@if [ -f tests/bench/run.py ]; then cd $(OLDEST_TREE) && $(TOOLS)/python tests/bench/run.py --output $(ROOT)/docs/benchmark.md $(ARGS); \
	else echo "no benchmark yet (tests/bench/run.py)"; fi

demo: prepare-$(OLDEST)
	cd $(OLDEST_TREE) && $(TOOLS)/python tools/demo.py

# --- linters, changelog, packaging ---------------------------------------------------------------------------
lint: ansible-lint changelog

ansible-lint: prepare-$(OLDEST)
	cd $(OLDEST_TREE) && PATH=$(TOOLS):$(PATH) ANSIBLE_COLLECTIONS_PATH=$(STAGE_ROOT)/core-$(OLDEST) ansible-lint --offline

changelog: prepare-$(OLDEST)
	cd $(OLDEST_TREE) && $(TOOLS)/antsibull-changelog lint

build: prepare-$(OLDEST)
	rm -rf $(DIST) && mkdir -p $(DIST)
	cd $(OLDEST_TREE) && $(TOOLS)/ansible-galaxy collection build --output-path $(DIST)
	ANSIBLE_COLLECTIONS_PATH=$(DIST)/installed $(TOOLS)/ansible-galaxy collection install --no-deps --force -p $(DIST)/installed $(DIST)/ncloud-compute-*.tar.gz
	tools/check_installed.sh $(DIST)/installed/ansible_collections/ncloud/compute

importer: build
	cd $(DIST) && PATH=$(TOOLS):$(PATH) GALAXY_IMPORTER_CONFIG=$(ROOT)/tools/galaxy-importer.cfg \
		python -m galaxy_importer.main ncloud-compute-*.tar.gz | tee importer.log
	@# Galaxy shows its warnings on the collection's page: treat them as failures.
	@if grep -E '^(WARNING|ERROR)' $(DIST)/importer.log; then echo "galaxy-importer reported the findings above"; exit 1; fi

# --- housekeeping --------------------------------------------------------------------------------------------
clean:
	rm -rf $(BUILD) $(STAGE_ROOT) tests/output ncloud-compute-*.tar.gz

distclean: clean
	rm -rf $(VENVS)
