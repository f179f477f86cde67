// The dashboard: the service's own JSON endpoints (the same ones curl uses) and its
// live stream of state counts, drawn. Text goes in through textContent only: process names are untrusted.
'use strict';

(function () {
	// the kernel's order, so that bars keep their place while counts change
	const STATES = ['ESTABLISHED', 'SYN_SENT', 'SYN_RECV', 'FIN_WAIT1', 'FIN_WAIT2', 'TIME_WAIT', 'CLOSE',
		'CLOSE_WAIT', 'LAST_ACK', 'LISTEN', 'CLOSING'];
	const STATES_EVERY_MS = 2000;
	const LISTENERS_EVERY_MS = 10000;

	const statusLine = document.getElementById('status');
	let chart;
	let topPort = null;

	async function getJson(path) {
		const response = await fetch(path, { headers: { Accept: 'application/json' } });
		const body = await response.json();
		if (!response.ok) {
			// a problem+json: its detail says what was wrong
			throw new Error(body.detail || response.statusText);
		}
		return body;
	}

	function cell(row, text, number) {
		const td = row.insertCell();
		td.textContent = text;
		if (number) {
			td.className = 'number';
		}
	}

	function fill(tableId, items, toCells) {
		const body = document.querySelector('#' + tableId + ' tbody');
		body.replaceChildren();
		items.forEach((item) => toCells(body.insertRow(), item));
	}

	function drawStates(body) {
		const counts = new Map(body.states.map((s) => [s.state, s.count]));
		const labels = STATES.concat([...counts.keys()].filter((s) => !STATES.includes(s)));
		const data = labels.map((s) => counts.get(s) || 0);
		if (!chart) {
			chart = new Chart(document.getElementById('states-chart'), {
				type: 'bar',
				data: { labels: labels, datasets: [{ label: 'sockets', data: data, backgroundColor: '#3b6fd8' }] },
				// a logarithmic axis: with 10,000 TIME_WAIT, 3 ESTABLISHED still show as a bar
				// (a count of 1 stands above the axis's 0.5; 0 draws none, as it should)
				options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
					scales: { y: { type: 'logarithmic', min: 0.5, ticks: { callback: (v) =>
						(Number.isInteger(Math.log10(v)) ? v.toLocaleString() : '') } } } }
			});
		}
		else {
			chart.data.labels = labels;
			chart.data.datasets[0].data = data;
			chart.update();
		}
		fill('states-table', labels.map((s, i) => [s, data[i]]), (row, [state, count]) => {
			cell(row, state);
			cell(row, count.toLocaleString('en-US'), true);
		});
		document.getElementById('states-total').textContent = '(' + body.total + ')';
		document.body.dataset.statesUpdates = String(Number(document.body.dataset.statesUpdates || 0) + 1);
	}

	function updated() {
		statusLine.textContent = 'updated ' + new Date().toLocaleTimeString();
		statusLine.classList.remove('stale');
	}

	// the live stream of state counts; polling where the service refuses a stream (all
	// its places taken) or the browser has no EventSource
	function liveStates() {
		if (!window.EventSource) {
			pollStates();
			return;
		}
		const source = new EventSource('stats/states/stream?interval=2s');
		source.addEventListener('states', (event) => {
			document.body.dataset.statesSource = 'stream';
			drawStates(JSON.parse(event.data));
			updated();
		});
		source.onerror = () => {
			if (source.readyState === EventSource.CLOSED) {
				pollStates();
			}
			else {
				statusLine.textContent = 'reconnecting…';
				statusLine.classList.add('stale');
			}
		};
	}

	function pollStates() {
		document.body.dataset.statesSource = 'polling';
		every(STATES_EVERY_MS, async () => drawStates(await getJson('stats/states')));
	}

	async function refreshTopIps() {
		if (topPort === null) {
			return;
		}
		const error = document.getElementById('top-error');
		try {
			const body = await getJson('stats/top-ips?port=' + encodeURIComponent(topPort));
			error.textContent = '';
			fill('top-table', body.ips, (row, ip) => {
				cell(row, ip.count, true);
				cell(row, ip.ip);
			});
		}
		catch (e) {
			error.textContent = e.message;
			fill('top-table', [], () => {});
		}
		document.body.dataset.topPort = topPort;
	}

	async function refreshListeners() {
		const body = await getJson('listening');
		document.getElementById('listeners-total').textContent = '(' + body.count + ')';
		fill('listeners-table', body.connections, (row, s) => {
			cell(row, s.protocol);
			cell(row, s.localAddress);
			cell(row, s.localPort, true);
			cell(row, s.recvQ, true);
			cell(row, s.user || String(s.uid));
			cell(row, (s.processes || []).map((p) => p.name + ' (' + p.pid + ')').join(', '));
		});
		document.body.dataset.listenersUpdated = 'true';
	}

	function every(ms, task) {
		const run = async () => {
			try {
				await task();
				updated();
			}
			catch (e) {
				statusLine.textContent = 'cannot update: ' + e.message;
				statusLine.classList.add('stale');
			}
			setTimeout(run, ms);
		};
		run();
	}

	document.getElementById('top-form').addEventListener('submit', (event) => {
		event.preventDefault();
		topPort = document.getElementById('top-port').value;
		refreshTopIps();
	});

	liveStates();
	every(STATES_EVERY_MS, refreshTopIps);
	every(LISTENERS_EVERY_MS, refreshListeners);
})();
