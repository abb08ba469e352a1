// The dashboard's cards follow the background checker by themselves: every few seconds a plain GET of the
// cards' status with the page's refresh pass and without cookies (no Faces postback, no session to store),
// sent with the last ETag, so that an unchanged status costs a 304 and no body. The texts come ready from the
// server; this only puts them in place.
document.addEventListener('DOMContentLoaded', function () {
    'use strict';
    var settings = document.getElementById('card-refresh');
    if (!settings || !window.fetch) {
        return;
    }
    var url = settings.getAttribute('data-url');
    var pass = settings.getAttribute('data-pass');
    var delay = Math.max(1, Number(settings.getAttribute('data-seconds')) || 15) * 1000;
    var etag = null;

    function shownServices() {
        return Array.prototype.map.call(document.querySelectorAll('#cards .connection-card'), function (card) {
            return card.id.replace(/^card-/, '');
        }).sort().join(',');
    }

    function setBadge(badge, card) {
        badge.className = 'status ' + card.styleClass;
        var icon = document.createElement('i');
        icon.className = 'bi ' + card.icon;
        badge.replaceChildren(icon, document.createTextNode(' ' + card.status));
    }

    function setNote(card) {
        var note = document.getElementById('note-' + card.service);
        if (!card.note) {
            if (note) {
                note.remove();
            }
            return;
        }
        if (!note) {
            note = document.createElement('p');
            note.id = 'note-' + card.service;
            note.className = 'connection-card-note';
            document.getElementById('details-' + card.service).after(note);
        }
        note.textContent = card.note;
    }

    // The navbar's «Подключения» badge and the title's «(1)»: how many connections need the owner.
    function setAttention(count) {
        var badge = document.getElementById('attention');
        if (badge) {
            document.getElementById('attention-count').textContent = String(count);
            badge.hidden = count === 0;
        }
        document.title = (count > 0 ? '(' + count + ') ' : '') + document.title.replace(/^\(\d+\) /, '');
    }

    function show(status) {
        var services = status.cards.map(function (card) { return card.service; }).sort().join(',');
        if (services !== shownServices()) {
            // A connection was added or removed elsewhere (another tab, another device): show the page anew.
            window.location.reload();
            return;
        }
        status.cards.forEach(function (card) {
            setBadge(document.getElementById('status-' + card.service), card);
            document.getElementById('details-' + card.service).textContent = card.details;
            document.getElementById('checked-' + card.service).textContent = card.checked;
            setNote(card);
            document.getElementById('reconnect-' + card.service).hidden = !card.reconnect;
        });
        setAttention(status.attention);
    }

    function refresh() {
        var headers = {'Accept': 'application/json', 'Authorization': 'Bearer ' + pass};
        if (etag) {
            headers['If-None-Match'] = etag;
        }
        fetch(url, {headers: headers, credentials: 'omit', cache: 'no-store', redirect: 'manual'})
            .then(function (response) {
                if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
                    // The pass has run out with the session's idle time: the page itself shows the way on (to
                    // the login, if the session has ended; otherwise it comes back with a new pass).
                    window.location.reload();
                    return null;
                }
                if (response.status !== 200) {
                    return null; // 304: unchanged; anything else: try again next time
                }
                etag = response.headers.get('ETag');
                return response.json();
            })
            .then(function (status) {
                if (status) {
                    show(status);
                }
            })
            .catch(function () {
                // Offline for a moment: the next round tries again.
            })
            .then(function () {
                window.setTimeout(refresh, delay);
            });
    }

    window.setTimeout(refresh, delay);
});
