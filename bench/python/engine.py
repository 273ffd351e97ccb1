#!/usr/bin/env python3
"""A Canopsis-style engine for the benchmark's side-by-side figures (make bench: pydrain, pymemory).

It works as the original Python engines do (capensis/canopsis, sources/python/engines/canopsis/engines/core.py,
Engine.run, on_amqp_event, _work, next_queue; its AMQP helper sources/python/old/canopsis/old/rabbitmq.py,
Amqp.init_queue and Amqp.publish; the launcher sources/python/engines/scripts/engine-launcher), with pika instead of
kombu:

- the launcher's command line (-e TYPE -n NAME -w NUM -l LEVEL) and its configuration: amqp.conf [master] and the
  [engine:NAME] section of amqp2engines.conf (next, exchange_name, routing_keys, beat_interval), read from --etc
  (the original reads $PREFIX/etc);
- the queue Engine_NAME, durable, bound to exchange_name with each routing key (amq.direct without keys: the
  queue's name), consumed with auto-ack and no prefetch limit (no_ack=True, no basic.qos);
- each body JSON-decoded, the identity task (Engine.work returns the event), the result published to every next
  queue as persistent JSON on amq.direct with the queue's name as routing key, on a channel of its own (kombu's
  producer pool), without publisher confirms; an exception is logged and the event dropped, as _work does;
- beats every beat_interval seconds (default 60), with the engine's statistics event once a minute.

One process, one thread: the original consumes on its Amqp thread and beats on the main one; here pika's loop runs
both, which costs less, not more.
"""

import argparse
import configparser
import json
import logging
import os
import socket
import sys
import time

import pika

DIRECT = 'amq.direct'
PERSISTENT_JSON = pika.BasicProperties(content_type='application/json', content_encoding='utf-8', delivery_mode=2)


def read_config(etc, name):
    """amqp.conf [master] and the [engine:NAME] section, as engine-launcher's load_engine_config reads them."""
    master = section_of(os.path.join(etc, 'amqp.conf'), 'master')
    section = section_of(os.path.join(etc, 'amqp2engines.conf'), 'engine:' + name)
    return master, {
        'next': ['Engine_' + n for n in csv(section.get('next', ''))],
        'exchange_name': section.get('exchange_name', DIRECT),
        'routing_keys': csv(section.get('routing_keys', '')),
        'beat_interval': int(section.get('beat_interval', '60')),
    }


def section_of(path, name):
    parser = configparser.RawConfigParser()
    if not parser.read(path):
        raise ValueError('cannot read %s' % path)
    if not parser.has_section(name):
        raise ValueError('no [%s] section in %s' % (name, path))
    return parser[name]


def csv(value):
    return [v for v in value.split(',') if v]


class Engine:
    """Engine_NAME consumed with auto-ack; each event through the identity task to every next queue."""

    def __init__(self, name, master, conf, logger):
        self.name = name
        self.queue = 'Engine_' + name
        self.conf = conf
        self.logger = logger
        self.counter_event = 0
        self.counter_error = 0
        self.counter_worktime = 0.0
        self.last_stat = time.time()
        credentials = pika.PlainCredentials(master['userid'], master['password'])
        self.connection = pika.BlockingConnection(pika.ConnectionParameters(
            host=master['host'], port=int(master['port']), virtual_host=master['virtual_host'],
            credentials=credentials))
        self.events_exchange = master.get('exchange_name', 'canopsis') + '.events'
        self.consume = self.connection.channel()
        self.producer = self.connection.channel()

    def run(self):
        self.logger.info('Start Engine with pid %d', os.getpid())
        exchange = self.conf['exchange_name']
        if exchange != DIRECT:
            self.consume.exchange_declare(exchange, 'topic', durable=True, auto_delete=False)
        self.consume.queue_declare(self.queue, durable=True, exclusive=False, auto_delete=False)
        keys = self.conf['routing_keys'] or ([self.queue] if exchange == DIRECT else [])
        for key in keys:
            self.consume.queue_bind(self.queue, exchange, key)
        self.consume.basic_consume(self.queue, self.on_amqp_event, auto_ack=True)
        self.logger.info(' + Ready!')
        if self.conf['beat_interval']:
            self.connection.call_later(self.conf['beat_interval'], self.beat)
        self.consume.start_consuming()

    def on_amqp_event(self, channel, method, properties, body):
        start = time.time()
        try:
            event = json.loads(body)
            self.next_queue(self.work(event))
        except Exception as err:
            self.counter_error += 1
            self.logger.error('Worker raise exception: %s', err)
        self.counter_event += 1
        self.counter_worktime += time.time() - start

    def work(self, event):
        return event

    def next_queue(self, event):
        for queue in self.conf['next']:
            self.publish(event, queue, DIRECT)

    def publish(self, event, routing_key, exchange):
        self.producer.basic_publish(exchange, routing_key, json.dumps(dict(event)), PERSISTENT_JSON)

    def beat(self):
        now = time.time()
        if self.last_stat + 60 <= now and self.counter_event:
            sec_per_evt = self.counter_worktime / self.counter_event
            self.publish(self.stats_event(self.counter_event / self.conf['beat_interval'], sec_per_evt),
                         'Engine.engine.check.resource.%s.%s' % (socket.getfqdn(), self.queue), self.events_exchange)
            self.last_stat = now
            self.counter_event = self.counter_error = 0
            self.counter_worktime = 0.0
        self.connection.call_later(self.conf['beat_interval'], self.beat)

    def stats_event(self, evt_per_sec, sec_per_evt):
        state = 2 if sec_per_evt > 0.9 else 1 if sec_per_evt > 0.6 else 0
        return {
            'connector': 'Engine', 'connector_name': 'engine', 'event_type': 'check', 'source_type': 'resource',
            'component': socket.getfqdn(), 'resource': self.queue, 'timestamp': int(time.time()),
            'state': state, 'state_type': 1, 'output': '%0.2f evt/sec, %0.5f sec/evt' % (evt_per_sec, sec_per_evt),
            'perf_data_array': [
                {'retention': 3600, 'metric': 'cps_evt_per_sec', 'value': round(evt_per_sec, 2), 'unit': 'evt'},
                {'retention': 3600, 'metric': 'cps_sec_per_evt', 'value': round(sec_per_evt, 5), 'unit': 's',
                 'warn': 0.6, 'crit': 0.9}],
        }


def main(argv):
    parser = argparse.ArgumentParser(prog='engine.py', description='A Canopsis-style engine (identity task).')
    parser.add_argument('-e', '--type', dest='etype', required=True, help='engine type (only dynamic: identity)')
    parser.add_argument('-n', '--name', required=True)
    parser.add_argument('-w', '--procnum', required=True)
    parser.add_argument('-l', '--loglevel', default='INFO')
    parser.add_argument('--etc', required=True, help='the directory of amqp.conf and amqp2engines.conf')
    args = parser.parse_args(argv)
    logging.basicConfig(level=args.loglevel.upper(), stream=sys.stderr,
                        format='%(asctime)s %(levelname)s %(name)s %(message)s')
    logger = logging.getLogger('%s-%s' % (args.name, args.procnum))
    try:
        master, conf = read_config(args.etc, args.name)
    except (configparser.Error, ValueError) as err:
        print('engine.py: engine %s: %s' % (args.name, err), file=sys.stderr)
        return 2
    Engine(args.name, master, conf, logger).run()
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
