# orchestrator: build, test, run and control. `make help` lists the targets.
MVN        ?= mvn -B -q
PREFIX     ?= /usr/local
ORCH       := orchestrator/bin/orchestrator
BUILT      := orchestrator/target/build.stamp
SOURCES    := $(shell find pom.xml api/pom.xml api/src/main orchestrator/pom.xml orchestrator/bin engines/pom.xml orchestrator/src/main \
                engines/src/main examples/severity-plugin/pom.xml examples/severity-plugin/src \
                bench/pom.xml bench/perftest/pom.xml bench/src/main -type f 2>/dev/null)
BENCH_URI  ?= amqp://guest:guest@127.0.0.1:5672
BENCH_ARGS ?=

.PHONY: help build test run start stop status restart tail feed install clean bench chaos

help:
	@echo "make build | test | run | start | stop | status | restart | tail NAME=... | feed [COUNT=n] | install PREFIX=... | clean | bench | chaos"
	@echo "  run      the daemon in the foreground (embedded broker, etc/)"
	@echo "  start    the daemon in the background and every process (orchestrator start -d --all)"
	@echo "  stop     every process and the daemon (orchestrator shutdown)"
	@echo "  status   orchestrator status;  restart: orchestrator restart --all;  tail NAME=x: orchestrator tail -f x"
	@echo "  feed     COUNT (default 1000) sample Canopsis events into canopsis.events (orchestrator feed --count COUNT)"
	@echo "  install  under PREFIX (default /usr/local), with bash completion and the systemd unit orchestrator.service"
	@echo "  bench    the orchestrator beside RabbitMQ PerfTest on BENCH_URI (default $(BENCH_URI)), ~15 min:"
	@echo "           logs/bench.json and the README table; BENCH_ARGS='--only hop1,latency --runs 1' for a part (--help)"
	@echo "  chaos    the ten fault-tolerance scenarios on RabbitMQ (127.0.0.1:5672), ~15 min with a 10 min soak:"
	@echo "           figures per scenario; SOAK_SECONDS=60 for a short soak, CHAOS_ARGS='--only 1,3' for a part (--help)"

# install: the engine API (dev.orchestrator:orchestrator-api) lands in ~/.m2 for plugin projects (examples/).
# A stamp marks the build, not the jar: a touched jar no longer matches the CLI's class-data archive (cli.jsa, which
# the JVM checks against each jar's time and size) and every control command would start without it.
$(BUILT): $(SOURCES)
	$(MVN) -DskipTests install
	@touch $@

build: $(BUILT)

# not quiet: Surefire's per-class and summary lines are the test report (CI reads them)
test:
	mvn -B -ntp verify

run: $(BUILT)
	$(ORCH) daemon

start: $(BUILT)
	$(ORCH) start -d --all

stop: $(BUILT)
	$(ORCH) shutdown

status: $(BUILT)
	$(ORCH) status

restart: $(BUILT)
	$(ORCH) restart --all

tail: $(BUILT)
	@test -n "$(NAME)" || { echo "usage: make tail NAME=process-name" >&2; exit 2; }
	$(ORCH) tail -f $(NAME)

feed: $(BUILT)
	$(ORCH) feed --count $(or $(COUNT),1000)

install: $(BUILT)
	mkdir -p $(PREFIX)/lib/orchestrator/orchestrator $(PREFIX)/lib/orchestrator/plugins $(PREFIX)/bin
	cp -r orchestrator/bin orchestrator/target $(PREFIX)/lib/orchestrator/orchestrator/
	cp -rn etc $(PREFIX)/lib/orchestrator/ 2>/dev/null || true
	mkdir -p $(PREFIX)/lib/orchestrator/logs
	ln -sf $(PREFIX)/lib/orchestrator/orchestrator/bin/orchestrator $(PREFIX)/bin/orchestrator
	mkdir -p $(PREFIX)/lib/systemd/system
	sed 's|@PREFIX@|$(abspath $(PREFIX))|g' etc/orchestrator.service.in > $(PREFIX)/lib/systemd/system/orchestrator.service
	mkdir -p $(PREFIX)/share/bash-completion/completions
	$(PREFIX)/lib/orchestrator/orchestrator/bin/orchestrator --write-cds-archive
	$(ORCH) generate-completion > $(PREFIX)/share/bash-completion/completions/orchestrator

clean:
	$(MVN) clean

bench: $(BUILT)
	java -Dorchestrator.home=$(CURDIR) -cp "bench/target/bench.jar:bench/target/lib/*" dev.orchestrator.bench.Bench \
	  --uri '$(BENCH_URI)' --readme README.md $(BENCH_ARGS)

chaos:
	$(MVN) -DskipTests -pl engines,chaos -am package
	java -Dorchestrator.home=$(CURDIR) -cp "chaos/target/orchestrator-chaos.jar:chaos/target/lib/*" \
	  dev.orchestrator.chaos.ChaosMain --readme README.md $(CHAOS_ARGS)
