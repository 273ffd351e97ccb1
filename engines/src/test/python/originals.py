#!/usr/bin/env python2
# -*- coding: utf-8 -*-
"""Runs the original Canopsis code over the fidelity cases and records what it gave.

    PYENV_VERSION=2.7.18 python2 engines/src/test/python/originals.py /path/to/canopsis/.git

For every file engines/src/test/resources/fidelity/<engine>.json it sets each case's "original" to what the
original Python function returned for the case's input ("error: ..." when it raised), keeping the other fields
("ours", "differs") as they are. The originals are read with `git show` from the two trees that
docs/engines.md cites: C1 (2016-12, 013df84616) and C2 (2018-02, 0b66f9e13c). Only the imports that need MongoDB
or RabbitMQ are replaced, by the stubs below; the functions under test run verbatim.
"""

import imp
import json
import os
import subprocess
import sys
import types

C1 = '013df84616c92ffe0d869dff23c657349fcdeb93'
C2 = '0b66f9e13c71b16d68714f85cda1a3e1dcced4b9'
HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, '..', 'resources', 'fidelity')
FQDN = 'orchestrator-host'
NOW = 1500000000

GIT = sys.argv[1] if len(sys.argv) > 1 else '.'


def source(commit, path):
    return subprocess.check_output(['git', '--git-dir', GIT, 'show', '%s:%s' % (commit, path)])


def module(name, commit=None, path=None, **attrs):
    """A module in sys.modules: the original file's code when a path is given, else an empty stub."""
    mod = types.ModuleType(name)
    mod.__dict__.update(attrs)
    sys.modules[name] = mod
    if path:
        exec(compile(source(commit, path), '%s:%s' % (commit[:10], path), 'exec'), mod.__dict__)
    return mod


class Logger(object):
    def __getattr__(self, level):
        return lambda *args, **kwargs: None


PUBLISHED = []


def publish(event, publisher=None, rk=None, exchange=None, logger=None, **kwargs):
    ev = sys.modules['canopsis.event']
    PUBLISHED.append({'exchange': exchange or 'canopsis.events', 'rk': rk or ev.get_routingkey(event),
                      'event': event})


class Engine(object):
    """The original base class' attributes the engines under test read (core.py __init__)."""

    def __init__(self, name='worker1', next_amqp_queues=[], beat_interval=60, logging_level=None, **kwargs):
        self.name = name
        self.amqp_queue = 'Engine_%s' % name
        self.next_amqp_queues = list(next_amqp_queues)
        self.beat_interval = beat_interval
        self.logging_level = logging_level
        self.logger = Logger()
        self.amqp = None
        self.counter_error = self.counter_event = self.counter_worktime = 0


class NotBson(str):
    """pymongo's BSON, for the bodies of the cases, none of which is BSON: decoding fails as pymongo's does."""

    def decode(self):
        raise ValueError('not a BSON document')


def stubs():
    for name in ['canopsis', 'canopsis.engines', 'canopsis.old', 'canopsis.common', 'canopsis.monitoring',
                 'canopsis.alerts', 'canopsis.context', 'canopsis.task', 'canopsis.perfdata']:
        module(name)
    module('canopsis.old.storage', get_storage=lambda *a, **k: None)
    module('bson', BSON=NotBson)
    module('canopsis.old.account', Account=lambda *a, **k: None)
    module('canopsis.alerts.manager', Alerts=None)
    module('canopsis.context.manager', Context=type('Context', (), {'NAME': 'name'}))
    module('canopsis.task.core', register_task=lambda f: f)
    module('canopsis.engines.core', Engine=Engine, DROP=-1, publish=publish)
    module('canopsis.common.init', basestring=basestring, PYVER=sys.version)
    module('canopsis.common.utils', ensure_unicode=lambda s: s.decode() if isinstance(s, str) else s,
           forceUTF8=lambda d: d)
    module('canopsis.old.mfilter', C1, 'sources/python/old/canopsis/old/mfilter.py')
    module('canopsis.monitoring.parser', C1, 'sources/python/monitoring/canopsis/monitoring/parser.py')
    ev = module('canopsis.event', C1, 'sources/python/event/canopsis/event/__init__.py')
    ev.getfqdn = lambda: FQDN
    ev.time = lambda: NOW


def run(fn):
    try:
        return fn()
    except Exception as e:
        return 'error: %s: %s' % (type(e).__name__, e)


def mfilter(doc):
    check = sys.modules['canopsis.old.mfilter'].check
    for case in doc['cases']:
        event = json.loads(json.dumps(case.get('event', doc['event'])))
        case['original'] = run(lambda: check(case['filter'], event))


def perfdata_parser(doc):
    parser = sys.modules['canopsis.monitoring.parser'].PerfDataParser
    for case in doc['cases']:
        case['original'] = run(lambda: parser(case['perf_data']).perf_data_array)


class Msg(object):
    def __init__(self, rk):
        self.delivery_info = {'routing_key': rk}


def cleaner(doc):
    engines = {}
    for version, commit, path in [('2016', C1, 'sources/python/engines/canopsis/engines/cleaner.py'),
                                  ('2018', C2, 'sources/canopsis/canopsis/engines/cleaner.py')]:
        engines[version] = module('cleaner_' + version, commit, path).engine(name='cleaner_events')
    for case in doc['cases']:
        body = case['body'] if 'body' in case else json.loads(json.dumps(case['event']))
        case['original'] = run(lambda: engines[case.get('version', '2016')].work(body, Msg(case['rk'])))


class Manager(object):
    context = type('C', (), {'get_entity_id': staticmethod(lambda e: None)})()

    def parse_perfdata(self, raw):
        return sys.modules['canopsis.monitoring.parser'].PerfDataParser(raw).perf_data_array

    def put(self, **kwargs):
        pass


def perfdata(doc):
    module('canopsis.perfdata.manager', PerfData=Manager)
    process = module('perfdata_process', C1, 'sources/python/perfdata/canopsis/perfdata/process.py')
    for case in doc['cases']:
        event = json.loads(json.dumps(case['event']))
        case['original'] = run(lambda: process.event_processing(None, event, logger=Logger()))


class Record(object):
    def __init__(self, data):
        self.data = data

    def dump(self):
        return dict(self.data)


class Storage(object):
    """The two queries event_filter.py makes, over the records of a rules file (MongoDB's semantics for them)."""

    def __init__(self, records):
        self.records = records

    def find(self, query, sort=None):
        found = [Record(r) for r in self.records
                 if all(k in r and r[k] == v and (type(v) is not bool or r[k] is v) for k, v in query.items())]
        if sort:
            found.sort(key=lambda r: (sort in r.data, r.data.get(sort)))
        return found


def event_filter(doc):
    ef = module('event_filter', C1, 'sources/python/engines/canopsis/engines/event_filter.py')
    for case in doc['cases']:
        engine = ef.engine(name='event_filter', next_amqp_queues=['Engine_tag'])
        engine.storage = Storage(case.get('rules', doc.get('rules', [])))
        del PUBLISHED[:]
        engine.beat()
        outs = []
        for event in case['events']:
            event = json.loads(json.dumps(event))
            result = run(lambda: engine.work(event))
            if result == -1 or isinstance(result, basestring):
                outs.append(result if result != -1 else 'DROP')
            else:
                outs.append({'queues': list(engine.next_amqp_queues), 'event': result})
        engine.send_stat_event()
        case['original'] = {'events': outs, 'published': list(PUBLISHED)}


def collectdgw(doc):
    module('canopsis.engines.collectd_utils', C1,
           'sources/python/engines/canopsis/engines/collectd_utils/__init__.py')
    gw = module('collectdgw', C1, 'sources/python/engines/canopsis/engines/collectdgw.py')
    engine = gw.engine(name='collectdgw')
    for case in doc['cases']:
        del PUBLISHED[:]
        result = run(lambda: engine.on_collectd_event(case['body'], None))
        case['original'] = result if isinstance(result, basestring) else list(PUBLISHED)


def collectd_types(path):
    module('canopsis.engines.collectd_utils', C1,
           'sources/python/engines/canopsis/engines/collectd_utils/__init__.py')
    with open(path, 'w') as out:
        json.dump(sys.modules['canopsis.engines.collectd_utils'].types, out, sort_keys=True, separators=(',', ':'))
        out.write('\n')


def main():
    stubs()
    runners = {'mfilter': mfilter, 'perfdata_parser': perfdata_parser, 'cleaner': cleaner, 'perfdata': perfdata,
               'event_filter': event_filter, 'collectdgw': collectdgw}
    for name, runner in sorted(runners.items()):
        path = os.path.join(CASES, name + '.json')
        if not os.path.exists(path):
            continue
        with open(path) as f:
            doc = json.load(f)
        runner(doc)
        with open(path, 'w') as f:
            json.dump(doc, f, sort_keys=True, indent=1, separators=(',', ': '))
            f.write('\n')
        print('%s: %d cases' % (name, len(doc['cases'])))
    collectd_types(os.path.join(HERE, '..', '..', 'main', 'resources', 'dev', 'orchestrator', 'engines', 'collectdgw',
                                'types.json'))


if __name__ == '__main__':
    main()
