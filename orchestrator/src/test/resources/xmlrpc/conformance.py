"""Every method of supervisord's XML-RPC API called with Python's xmlrpc.client, as tools built on supervisord do,
against the daemon that XmlRpcConformanceTest starts; each result's structure is checked against
supervisor/rpcinterface.py and supervisor/xmlrpc.py. Usage: conformance.py SOCKET TCP_PORT USER PASSWORD LOG_LINE.
Prints one 'ok NAME' line per check; exits 1 at the first mismatch."""
import http.client
import socket
import sys
import time
import xmlrpc.client

SOCKET, PORT, USER, PASSWORD, LOG_LINE = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]


class UnixConnection(http.client.HTTPConnection):
    def connect(self):
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(SOCKET)


class UnixTransport(xmlrpc.client.Transport):
    def make_connection(self, host):
        return UnixConnection('localhost')


def check(name, condition, detail=''):
    if not condition:
        print('FAILED %s %s' % (name, detail))
        sys.exit(1)
    print('ok ' + name)


def fault(name, code, call, *args):
    try:
        call(*args)
    except xmlrpc.client.Fault as f:
        check(name, f.faultCode == code, repr(f))
        return f.faultString
    check(name, False, 'no fault')


INFO_KEYS = ['name', 'group', 'start', 'stop', 'now', 'state', 'statename', 'spawnerr', 'exitstatus', 'logfile',
             'stdout_logfile', 'stderr_logfile', 'pid', 'description']
OUTCOME_KEYS = ['name', 'group', 'status', 'description']

p = xmlrpc.client.ServerProxy('http://localhost/RPC2', transport=UnixTransport())
s = p.supervisor

# system namespace (supervisor/xmlrpc.py SystemNamespaceRPCInterface)
methods = p.system.listMethods()
check('system.listMethods', methods == sorted(methods) and 'supervisor.startProcess' in methods
      and 'supervisor.getVersion' in methods and 'system.multicall' in methods, methods)
check('system.methodHelp', 'Start a process' in p.system.methodHelp('supervisor.startProcess'))
check('system.methodSignature', p.system.methodSignature('supervisor.startProcess') == ['boolean', 'string', 'boolean'])
fault('system.methodHelp unknown', 4, p.system.methodHelp, 'supervisor.nothing')
multi = p.system.multicall([{'methodName': 'supervisor.getPID', 'params': []},
                            {'methodName': 'supervisor.nothing', 'params': []},
                            {'methodName': 'system.multicall', 'params': [[]]}])
check('system.multicall', isinstance(multi[0], list) and isinstance(multi[0][0], int)
      and multi[1] == {'faultCode': 1, 'faultString': 'UNKNOWN_METHOD'}
      and multi[2] == {'faultCode': 2, 'faultString': 'INCORRECT_PARAMETERS: Recursive system.multicall forbidden'},
      multi)

# the daemon
check('supervisor.getAPIVersion', s.getAPIVersion() == '3.0' and s.getVersion() == '3.0')
check('supervisor.getSupervisorVersion', isinstance(s.getSupervisorVersion(), str))
check('supervisor.getIdentification', s.getIdentification() == 'supervisor')
check('supervisor.getState', s.getState() == {'statecode': 1, 'statename': 'RUNNING'})
pid = s.getPID()
check('supervisor.getPID', isinstance(pid, int) and pid > 1)
log = s.readLog(0, 0)
check('supervisor.readLog', isinstance(log, str) and 'entered RUNNING state' in log and s.readMainLog(-10, 0) == log[-10:])
fault('supervisor.readLog bad arguments', 3, s.readLog, -1, 5)

# processes
infos = s.getAllProcessInfo()
check('supervisor.getAllProcessInfo', [i['group'] + ':' + i['name'] for i in infos] == ['c:c-0', 'c:c-1', 'solo:solo']
      and all(list(i.keys()) == INFO_KEYS for i in infos), infos)
solo = s.getProcessInfo('solo')
check('supervisor.getProcessInfo', solo['statename'] == 'RUNNING' and solo['state'] == 20 and solo['pid'] > 0
      and solo['description'].startswith('pid %d, uptime ' % solo['pid']) and solo['now'] >= solo['start'] > 0
      and solo['logfile'] == solo['stdout_logfile'] and solo['logfile'].endswith('solo.log'), solo)
fault('supervisor.getProcessInfo unknown', 10, s.getProcessInfo, 'nope')
check('supervisor.getProcessInfo BAD_NAME text', fault('BAD_NAME text', 10, s.getProcessInfo, 'c:nope') == 'BAD_NAME: c:nope')
config = s.getAllConfigInfo()
check('supervisor.getAllConfigInfo', [c['name'] for c in config] == ['c-0', 'c-1', 'solo']
      and all(c['inuse'] and c['autostart'] and c['group_prio'] == 999 for c in config), config)

check('supervisor.stopProcess', s.stopProcess('solo') is True and s.getProcessInfo('solo')['statename'] == 'STOPPED')
check('supervisor.stopProcess NOT_RUNNING', fault('NOT_RUNNING', 70, s.stopProcess, 'solo') == 'NOT_RUNNING: solo')
check('supervisor.startProcess', s.startProcess('solo') is True and s.getProcessInfo('solo')['statename'] == 'RUNNING')
fault('supervisor.startProcess ALREADY_STARTED', 60, s.startProcess, 'solo')
fault('supervisor.startProcess wrong type', 2, s.startProcess, 42)
fault('supervisor.startProcess too many parameters', 2, s.startProcess, 'solo', True, 1)
check('supervisor.stopProcess no wait', s.stopProcess('solo', False) is True)
deadline = time.time() + 10
while s.getProcessInfo('solo')['statename'] != 'STOPPED' and time.time() < deadline:
    time.sleep(0.05)
check('supervisor.startProcess no wait', s.startProcess('solo', False) is True)

stopped = s.stopProcessGroup('c')
check('supervisor.stopProcessGroup', sorted(r['name'] for r in stopped) == ['c-0', 'c-1']
      and all(list(r.keys()) == OUTCOME_KEYS and r['status'] == 80 and r['description'] == 'OK' for r in stopped),
      stopped)
started = s.startProcessGroup('c')
check('supervisor.startProcessGroup', sorted(r['name'] for r in started) == ['c-0', 'c-1'], started)
check('supervisor.stopProcess group', len(s.stopProcess('c:*')) == 2)
check('supervisor.startProcess group', len(s.startProcess('c:')) == 2)
fault('supervisor.startProcessGroup unknown', 10, s.startProcessGroup, 'nope')
all_stopped = s.stopAllProcesses()
check('supervisor.stopAllProcesses', len(all_stopped) == 3 and all(r['status'] == 80 for r in all_stopped), all_stopped)
all_started = s.startAllProcesses()
check('supervisor.startAllProcesses', len(all_started) == 3, all_started)

check('supervisor.signalProcess', s.signalProcess('c:c-0', 'TERM') is True)
fault('supervisor.signalProcess BAD_SIGNAL', 11, s.signalProcess, 'c:c-1', 'NOPE')
while s.getProcessInfo('c:c-0')['statename'] not in ('EXITED', 'STOPPED'):
    time.sleep(0.05)
fault('supervisor.signalProcess NOT_RUNNING', 70, s.signalProcess, 'c:c-0', 'TERM')
s.startProcess('c:c-0')
check('supervisor.signalProcessGroup', [r['name'] for r in s.signalProcessGroup('c', 'HUP')] == ['c-0', 'c-1'])
check('supervisor.signalAllProcesses', len(s.signalAllProcesses('HUP')) == 3)

fault('supervisor.sendProcessStdin', 20, s.sendProcessStdin, 'solo', 'text')
check('supervisor.sendRemoteCommEvent', s.sendRemoteCommEvent('type', 'data') is True)

# logs: the daemon's worker 'solo' has written LOG_LINE into its stdout log
deadline = time.time() + 10
while LOG_LINE not in s.readProcessStdoutLog('solo', 0, 0) and time.time() < deadline:
    time.sleep(0.05)
out = s.readProcessStdoutLog('solo', 0, 0)
check('supervisor.readProcessStdoutLog', LOG_LINE in out and s.readProcessLog('solo', 0, 0) == out)
fault('supervisor.readProcessStderrLog', 20, s.readProcessStderrLog, 'solo', 0, 0)
tail = s.tailProcessStdoutLog('solo', 0, 5)
check('supervisor.tailProcessStdoutLog', len(tail) == 3 and tail[0] == out[-5:] and tail[1] == len(out.encode())
      and tail[2] is True, tail)
check('supervisor.tailProcessStdoutLog at end', s.tailProcessLog('solo', tail[1], 100) == ['', tail[1], False])
check('supervisor.tailProcessStderrLog', s.tailProcessStderrLog('solo', 0, 100) == ['', 0, False])
check('supervisor.clearProcessLogs', s.clearProcessLogs('solo') is True and s.readProcessStdoutLog('solo', 0, 0) == '')
cleared = s.clearAllProcessLogs()
check('supervisor.clearAllProcessLogs', len(cleared) == 3 and all(r['status'] == 80 for r in cleared), cleared)
check('supervisor.clearLog', s.clearLog() is True)

# configuration
check('supervisor.reloadConfig', s.reloadConfig() == [[[], [], []]])
fault('supervisor.addProcessGroup ALREADY_ADDED', 90, s.addProcessGroup, 'solo')
fault('supervisor.addProcessGroup BAD_NAME', 10, s.addProcessGroup, 'nope')
fault('supervisor.removeProcessGroup STILL_RUNNING', 91, s.removeProcessGroup, 'solo')
s.stopProcess('solo')
check('supervisor.removeProcessGroup', s.removeProcessGroup('solo') is True
      and 'solo' not in [i['name'] for i in s.getAllProcessInfo()])
check('supervisor.reloadConfig after removal', s.reloadConfig() == [[['solo'], [], []]])
check('supervisor.addProcessGroup', s.addProcessGroup('solo') is True)

# bad input over raw HTTP
fault('unknown method', 1, s.nothing)
fault('unknown namespace', 1, p.other.getPID)
fault('three dotted parts', 1, p.supervisor.getPID.x)


def raw(method, path, body=b'', headers=None):
    c = UnixConnection('localhost')
    c.request(method, path, body, headers or {})
    r = c.getresponse()
    return r.status, r.read().decode()


status, text = raw('POST', '/RPC2', b'<methodCall><methodName>x')
check('malformed XML is 400', status == 400 and text.startswith('not an XML-RPC call: not well-formed XML'), text)
xxe = b"<?xml version='1.0'?><!DOCTYPE m [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><methodCall>" \
      b"<methodName>&x;</methodName></methodCall>"
status, text = raw('POST', '/RPC2', xxe)
check('XXE is 400', status == 400 and 'DOCTYPE' in text and 'root:' not in text, text)
status, text = raw('GET', '/RPC2')
check('GET /RPC2 is 405', status == 405, text)
status, text = raw('POST', '/RPC2', b'x' * (2 << 20))
check('oversized body is 413', status == 413, text)
status, text = raw('GET', '/logtail/nope')
check('logtail of an unknown process is 404', status == 404, text)

# [inet_http_server] with basic auth
tcp = xmlrpc.client.ServerProxy('http://%s:%s@127.0.0.1:%d/RPC2' % (USER, PASSWORD, PORT))
check('inet_http_server with credentials', tcp.supervisor.getPID() == pid)
try:
    xmlrpc.client.ServerProxy('http://127.0.0.1:%d/RPC2' % PORT).supervisor.getPID()
    check('inet_http_server without credentials', False)
except xmlrpc.client.ProtocolError as e:
    check('inet_http_server without credentials', e.errcode == 401, e)

check('supervisor.shutdown', s.shutdown() is True)
