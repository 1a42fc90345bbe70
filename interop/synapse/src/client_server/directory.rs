//! Room aliases, the published room directory, tags and account data against Synapse, as two
//! users live them: dora makes three rooms (a café room, unlisted at first; a space, listed; a
//! room a bridge lists for its IRC network), gives the café room an alias, which dirk resolves,
//! then deletes it; she lists the café room, and dirk browses and searches the directory, page
//! by page; the application service of the run (`scripts/interop-synapse.sh` registers it)
//! lists the bridged room in its network's directory; dora tags the café room and stores
//! account data, globally and for the room.
//!
//! Every answer goes through our types ([`exchange`], checked lossless); what each step did is
//! read back through our types too (the alias resolved, the listings, the tags, the stored
//! objects byte for byte).

use std::collections::BTreeSet;

use matrix_api::error::{ErrorKind, MatrixError};
use matrix_api::http::StatusCode;
use matrix_api::{uint, OutgoingRequest, OutgoingResponse, SendAccessToken, UInt};
use matrix_client_api::alias::{create_alias, delete_alias, get_alias};
use matrix_client_api::appservice::set_room_visibility as appservice_visibility;
use matrix_client_api::config::{
    get_global_account_data, get_room_account_data, set_global_account_data, set_room_account_data,
};
use matrix_client_api::directory::{
    get_public_rooms, get_public_rooms_filtered, get_room_visibility, set_room_visibility, Filter,
    PublicRoomsChunk, Visibility,
};
use matrix_client_api::room::{aliases, create_room};
use matrix_client_api::tag::{create_tag, delete_tag, get_tags, TagInfo, TagName};
use matrix_login::flow::Client;
use ruma_common::room::{JoinRuleKind, RoomType};
use ruma_common::serde::{JsonObject, Raw};
use ruma_common::{OwnedRoomAliasId, OwnedRoomId, OwnedServerName};
use serde_json::json;
use serde_json::value::RawValue;

use super::{users, User};
use crate::expect::expect_kind;
use crate::lossless::{exchange, exchange_with_token, Seen};
use crate::report::{Report, StepResult};
use crate::synapse::Admin;

/// The application service `scripts/interop-synapse.sh` registers with Synapse: its ID, its
/// token and the one protocol (network) it bridges.
const APPSERVICE_ID: &str = "interop-bridge";
const APPSERVICE_TOKEN: &str = "interop-as-token";
const NETWORK: &str = "irc";

/// The café room's topic, read back from the directory.
const TOPIC: &str = "Coffee, and the directory steps";

/// Global account data dora stores, written as Synapse writes JSON (compact, non-ASCII
/// escaped, numbers as Python prints them, keys in the order given), so that its answer can be
/// compared with what was sent byte for byte.
const GLOBAL_TYPE: &str = "org.example.directory.settings";
const GLOBAL_DATA: &str =
    r#"{"theme":"dark","z":{"b":[true,null],"a":"caf\u00e9 \u2615"},"a":1.5,"n":-7}"#;
/// Room account data dora stores for the café room, in the same form.
const ROOM_TYPE: &str = "org.example.directory.room notes";
const ROOM_DATA: &str = r#"{"note":"meet at the caf\u00e9","seen":[1,2,3],"pinned":false}"#;

/// The rooms dora makes, with the names the directory shows.
struct Rooms {
    /// Public join rule, not listed until dora lists it; the alias, tags and room account data
    /// are on it.
    cafe: OwnedRoomId,
    cafe_name: String,
    /// A space, listed from its creation.
    space: OwnedRoomId,
    /// Listed by the application service in its network's directory only.
    bridged: OwnedRoomId,
    /// The word in every room's name that the searches look for: dora's localpart, fresh per
    /// run, so that rooms of other groups and runs do not match.
    term: String,
    /// The server, for the `server` parameter of the listings.
    server: OwnedServerName,
}

/// The group's steps, in the order of the session.
pub async fn run(report: &mut Report, client: &Client, synapse: &Admin<'_>) {
    let Some([dora, dirk]) = users(report, client, synapse, "directory", ["dora", "dirk"]).await
    else {
        report.not_run(
            "directory: every other step",
            "directory: register and log in dora, dirk",
        );
        return;
    };
    let name = "directory: POST /createRoom (dora: a café room with a topic, unlisted; a space, \
                listed; a room to bridge, unlisted)";
    let Some(rooms) = report.step(name, create_rooms(&dora)).await else {
        report.not_run("directory: every other step", "directory: POST /createRoom");
        return;
    };
    alias_steps(report, &rooms, &dora, &dirk).await;
    visibility_steps(report, &rooms, &dora, &dirk).await;
    listing_steps(report, &rooms, &dirk).await;
    appservice_steps(report, &rooms, &dora, &dirk).await;
    unlisting_steps(report, &rooms, &dora, &dirk).await;
    tag_steps(report, &rooms, &dora, &dirk).await;
    account_data_steps(report, &rooms, &dora, &dirk).await;
}

// Rooms.

/// Dora's three rooms, each named with the search term.
async fn create_rooms(dora: &User) -> StepResult<Rooms> {
    let term = dora.device.user_id.localpart().to_owned();
    let cafe_name = format!("Dora's café ☕ {term}");
    let mut notes = BTreeSet::new();
    let cafe = make_room(
        dora,
        cafe_name.clone(),
        Some(TOPIC),
        None,
        false,
        &mut notes,
    )
    .await?;
    let space = make_room(
        dora,
        format!("Dora's space {term}"),
        None,
        Some(Visibility::Public),
        true,
        &mut notes,
    )
    .await?;
    let bridged = make_room(
        dora,
        format!("Dora's bridged room {term}"),
        None,
        None,
        false,
        &mut notes,
    )
    .await?;
    let notes: Vec<String> = notes.into_iter().collect();
    let detail = format!(
        "café {cafe}, space {space}, bridged {bridged}; {}",
        notes.join(", ")
    );
    let server = dora.device.user_id.server_name().to_owned();
    Ok((
        Rooms {
            cafe,
            cafe_name,
            space,
            bridged,
            term,
            server,
        },
        detail,
    ))
}

/// One room of dora's: public join rule, named, perhaps a topic, a visibility, a space.
async fn make_room(
    dora: &User,
    name: String,
    topic: Option<&str>,
    visibility: Option<Visibility>,
    space: bool,
    notes: &mut BTreeSet<String>,
) -> Result<OwnedRoomId, String> {
    let mut request = create_room::v3::Request::new();
    request.name = Some(name);
    request.topic = topic.map(str::to_owned);
    request.preset = Some(create_room::v3::RoomPreset::PublicChat);
    request.visibility = visibility;
    if space {
        request.creation_content = Some(object(json!({ "type": "m.space" }))?);
    }
    let seen = exchange(&dora.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    notes.insert(note);
    Ok(response.room_id)
}

/// A JSON object as the raw object our requests carry.
fn object(value: serde_json::Value) -> Result<Raw<JsonObject>, String> {
    let object = value.as_object().ok_or("not an object")?.clone();
    Raw::new(&object).map_err(|e| e.to_string())
}

/// Raw JSON exactly as written.
fn raw_text(text: &str) -> Result<Raw<JsonObject>, String> {
    let raw = RawValue::from_string(text.to_owned()).map_err(|e| e.to_string())?;
    Ok(Raw::from_json(raw))
}

// Shared checks.

/// A success with an empty body (`{}`), read through our types.
fn empty_ok<R>(seen: Seen<R>, what: String) -> StepResult<()>
where
    R: OutgoingRequest,
    R::IncomingResponse: OutgoingResponse + Clone,
    R::EndpointError: Clone,
{
    let (_, note) = seen.ok(&[])?;
    Ok(((), format!("{what}; {note}")))
}

/// An error of this status and `errcode`, read through our types.
fn refused<R>(seen: Seen<R>, status: StatusCode, kind: ErrorKind) -> StepResult<()>
where
    R: OutgoingRequest<EndpointError = MatrixError>,
    R::IncomingResponse: OutgoingResponse + Clone,
{
    let (err, note) = seen.err(&[])?;
    expect_kind(&err, status, &kind)?;
    Ok(((), format!("{err}; {note}")))
}

// Aliases.

/// Dora makes an alias for the café room (twice: the second is refused), dirk resolves it,
/// the room's alias list shows it to dora and not to dirk, dirk cannot delete it, dora does,
/// and it resolves no more.
async fn alias_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    let alias = format!("#dora-cafe-{}:{}", rooms.term, rooms.server);
    let alias = match OwnedRoomAliasId::try_from(alias.as_str()) {
        Ok(alias) => alias,
        Err(e) => {
            report
                .step::<()>("directory: aliases", async move {
                    Err(format!("{alias} is no alias: {e}"))
                })
                .await;
            return;
        }
    };
    let put = || create_alias::v3::Request::new(alias.clone(), rooms.cafe.clone());
    let created = report
        .step(
            "directory: PUT /directory/room/{roomAlias} (dora: an alias for the café room, `#` \
             and `:` percent-encoded)",
            async {
                let seen = exchange(&dora.client, put()).await?;
                empty_ok(seen, format!("{alias} -> {}", rooms.cafe))
            },
        )
        .await;
    let skipped = |name: &'static str| (name, "directory: PUT /directory/room/{roomAlias}");
    report
        .step_after(
            "directory: PUT /directory/room/{roomAlias} (dora, the same alias again: 409 M_UNKNOWN)",
            created,
            skipped("directory: PUT /directory/room/{roomAlias} (again)"),
            |()| async {
                let seen = exchange(&dora.client, put()).await?;
                refused(seen, StatusCode::CONFLICT, ErrorKind::Unknown)
            },
        )
        .await;
    report
        .step_after(
            "directory: GET /directory/room/{roomAlias} (dirk resolves dora's alias, no token: \
             the café room, via the server)",
            created,
            skipped("directory: GET /directory/room/{roomAlias}"),
            |()| resolve(dirk, &alias, rooms),
        )
        .await;
    report
        .step_after(
            "directory: GET /rooms/{roomId}/aliases (dora: her alias)",
            created,
            skipped("directory: GET /rooms/{roomId}/aliases"),
            |()| async {
                let request = aliases::v3::Request::new(rooms.cafe.clone());
                let seen = exchange(&dora.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                if response.aliases != [alias.clone()] {
                    return Err(format!(
                        "aliases {:?}, expected [{alias}]",
                        response.aliases
                    ));
                }
                Ok(((), format!("[{alias}]; {note}")))
            },
        )
        .await;
    report
        .step(
            "directory: GET /rooms/{roomId}/aliases (dirk, not in the room: 403 M_FORBIDDEN)",
            async {
                let request = aliases::v3::Request::new(rooms.cafe.clone());
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    report
        .step_after(
            "directory: DELETE /directory/room/{roomAlias} (dirk, not its creator: 403 M_FORBIDDEN)",
            created,
            skipped("directory: DELETE /directory/room/{roomAlias} (dirk)"),
            |()| async {
                let request = delete_alias::v3::Request::new(alias.clone());
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    let deleted = report
        .step_after(
            "directory: DELETE /directory/room/{roomAlias} (dora deletes her alias)",
            created,
            skipped("directory: DELETE /directory/room/{roomAlias} (dora)"),
            |()| async {
                let request = delete_alias::v3::Request::new(alias.clone());
                let seen = exchange(&dora.client, request).await?;
                empty_ok(seen, format!("{alias} deleted"))
            },
        )
        .await;
    let skipped = |name: &'static str| (name, "directory: DELETE /directory/room/{roomAlias}");
    report
        .step_after(
            "directory: GET /directory/room/{roomAlias} (dirk, the deleted alias: 404 M_NOT_FOUND)",
            deleted,
            skipped("directory: GET /directory/room/{roomAlias} (deleted)"),
            |()| async {
                let request = get_alias::v3::Request::new(alias.clone());
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
    report
        .step_after(
            "directory: DELETE /directory/room/{roomAlias} (dora, the deleted alias again: 404 \
             M_NOT_FOUND)",
            deleted,
            skipped("directory: DELETE /directory/room/{roomAlias} (again)"),
            |()| async {
                let request = delete_alias::v3::Request::new(alias.clone());
                let seen = exchange(&dora.client, request).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
}

/// Dirk resolves the alias: the café room, known to the server itself.
async fn resolve(dirk: &User, alias: &OwnedRoomAliasId, rooms: &Rooms) -> StepResult<()> {
    let request = get_alias::v3::Request::new(alias.clone());
    let seen = exchange(&dirk.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    if response.room_id != rooms.cafe || response.servers != [rooms.server.clone()] {
        return Err(format!(
            "{} via {:?}, expected {} via [{}]",
            response.room_id, response.servers, rooms.cafe, rooms.server
        ));
    }
    Ok((
        (),
        format!("{} via [{}]; {note}", response.room_id, rooms.server),
    ))
}

// Visibility.

/// The café room starts unlisted; dirk cannot list it, dora does.
async fn visibility_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    report
        .step(
            "directory: GET /directory/list/room/{roomId} (the café room: private)",
            visibility_is(dirk, &rooms.cafe, Visibility::Private),
        )
        .await;
    report
        .step(
            "directory: GET /directory/list/room/{roomId} (an unknown room: 404 M_NOT_FOUND)",
            async {
                let unknown = OwnedRoomId::try_from(format!("!nosuchroom:{}", rooms.server))
                    .map_err(|e| e.to_string())?;
                let seen =
                    exchange(&dirk.client, get_room_visibility::v3::Request::new(unknown)).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
    report
        .step(
            "directory: PUT /directory/list/room/{roomId} (dirk, not in the room: 403 M_FORBIDDEN)",
            async {
                let request =
                    set_room_visibility::v3::Request::new(rooms.cafe.clone(), Visibility::Public);
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    let listed = report
        .step(
            "directory: PUT /directory/list/room/{roomId} (dora lists the café room: public)",
            set_visibility(dora, &rooms.cafe, Visibility::Public),
        )
        .await;
    report
        .step_after(
            "directory: GET /directory/list/room/{roomId} (the café room: public)",
            listed,
            (
                "directory: GET /directory/list/room/{roomId} (public)",
                "directory: PUT /directory/list/room/{roomId}",
            ),
            |()| visibility_is(dirk, &rooms.cafe, Visibility::Public),
        )
        .await;
}

async fn set_visibility(user: &User, room: &OwnedRoomId, visibility: Visibility) -> StepResult<()> {
    let request = set_room_visibility::v3::Request::new(room.clone(), visibility.clone());
    let seen = exchange(&user.client, request).await?;
    empty_ok(seen, format!("{room}: {}", visibility.as_str()))
}

async fn visibility_is(user: &User, room: &OwnedRoomId, expected: Visibility) -> StepResult<()> {
    let seen = exchange(
        &user.client,
        get_room_visibility::v3::Request::new(room.clone()),
    )
    .await?;
    let (response, note) = seen.ok(&[])?;
    if response.visibility != expected {
        return Err(format!(
            "{room} is {}, expected {}",
            response.visibility.as_str(),
            expected.as_str()
        ));
    }
    Ok(((), format!("{room}: {}; {note}", expected.as_str())))
}

// Listings.

/// The room IDs of a listing.
fn ids(chunk: &[PublicRoomsChunk]) -> BTreeSet<&OwnedRoomId> {
    chunk.iter().map(|room| &room.room_id).collect()
}

/// One page of the server's directory as dirk sees it: with his token, which Synapse wants
/// (see the first listing step).
async fn page(
    dirk: &User,
    server: Option<&OwnedServerName>,
    limit: Option<UInt>,
    since: Option<String>,
) -> Result<(get_public_rooms::v3::Response, String), String> {
    let mut request = get_public_rooms::v3::Request::new();
    request.server = server.cloned();
    request.limit = limit;
    request.since = since;
    let token = dirk.device.access_token.as_str();
    let seen = exchange_with_token(&dirk.client, request, SendAccessToken::Always(token)).await?;
    seen.ok(&[])
}

/// One search of the server's directory by dirk.
async fn search(
    dirk: &User,
    request: get_public_rooms_filtered::v3::Request,
) -> Result<(get_public_rooms_filtered::v3::Response, String), String> {
    let seen = exchange(&dirk.client, request).await?;
    seen.ok(&[])
}

/// A search for the rooms named with the run's term, of these types.
fn search_for(rooms: &Rooms, room_types: Option<Vec<Option<RoomType>>>) -> Filter {
    Filter {
        generic_search_term: Some(rooms.term.clone()),
        room_types,
    }
}

/// The rooms a search found are exactly `expected`.
fn found_exactly(chunk: &[PublicRoomsChunk], expected: &[&OwnedRoomId]) -> Result<String, String> {
    let got = ids(chunk);
    let want: BTreeSet<&OwnedRoomId> = expected.iter().copied().collect();
    if got != want || chunk.len() != want.len() {
        return Err(format!("found {got:?}, expected {want:?}"));
    }
    Ok(format!("{} room(s): {got:?}", got.len()))
}

/// The café room and the space as the directory shows them: names, topic, one member each,
/// public join rule, and the space's type.
fn check_chunks(rooms: &Rooms, chunk: &[PublicRoomsChunk]) -> Result<(), String> {
    for room in chunk {
        let expected_type = if room.room_id == rooms.space {
            Some(RoomType::Space)
        } else if room.room_id == rooms.cafe {
            None
        } else {
            continue;
        };
        let expected_topic = (room.room_id == rooms.cafe).then_some(TOPIC);
        let expected_name = (room.room_id == rooms.cafe).then_some(rooms.cafe_name.as_str());
        if room.room_type != expected_type
            || room.topic.as_deref() != expected_topic
            || expected_name.is_some_and(|name| room.name.as_deref() != Some(name))
            || room.num_joined_members != uint!(1)
            || room.join_rule != Some(JoinRuleKind::Public)
            || room.world_readable
            || room.guest_can_join
        {
            return Err(format!("unexpected chunk: {room:?}"));
        }
    }
    Ok(())
}

/// Dirk browses the directory (without a token, with one, page by page) and searches it.
async fn listing_steps(report: &mut Report, rooms: &Rooms, dirk: &User) {
    report
        .step(
            "directory: GET /publicRooms (no token, as the specification allows: Synapse's 401 \
             M_MISSING_TOKEN)",
            async {
                let seen = exchange(&dirk.client, get_public_rooms::v3::Request::new()).await?;
                if seen.raw.status() == StatusCode::OK {
                    return Err("Synapse listed its rooms without a token".to_owned());
                }
                refused(seen, StatusCode::UNAUTHORIZED, ErrorKind::MissingToken)
            },
        )
        .await;
    report
        .step(
            "directory: GET /publicRooms (dirk's token, server=localhost: the café room and the \
             space, not the bridged room)",
            async {
                let (response, note) = page(dirk, Some(&rooms.server), None, None).await?;
                let got = ids(&response.chunk);
                if !got.contains(&rooms.cafe)
                    || !got.contains(&rooms.space)
                    || got.contains(&rooms.bridged)
                {
                    return Err(format!("listed {got:?}"));
                }
                check_chunks(rooms, &response.chunk)?;
                if response.next_batch.is_some() || response.prev_batch.is_some() {
                    return Err(format!(
                        "tokens on the only page: {:?} {:?}",
                        response.next_batch, response.prev_batch
                    ));
                }
                Ok((
                    (),
                    format!(
                        "{} room(s), estimate {:?}, both rooms as dora made them; {note}",
                        got.len(),
                        response.total_room_count_estimate
                    ),
                ))
            },
        )
        .await;
    report
        .step(
            "directory: GET /publicRooms (limit=1: forward by next_batch to the end, back one \
             page by prev_batch)",
            paged(dirk, rooms),
        )
        .await;
    report
        .step(
            "directory: POST /publicRooms (generic_search_term: the café room and the space)",
            async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[&rooms.cafe, &rooms.space])?;
                check_chunks(rooms, &response.chunk)?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
    for (types, expected, what) in [
        (vec![None], &rooms.cafe, "[null]: the café room"),
        (
            vec![Some(RoomType::Space)],
            &rooms.space,
            "[m.space]: the space",
        ),
    ] {
        let name = format!(
            "directory: POST /publicRooms (server=localhost, generic_search_term, room_types \
             {what})"
        );
        report
            .step(&name, async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.server = Some(rooms.server.clone());
                request.filter = Some(search_for(rooms, Some(types)));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[expected])?;
                Ok(((), format!("{found}; {note}")))
            })
            .await;
    }
    report
        .step(
            "directory: POST /publicRooms (generic_search_term, limit 1, since the next_batch: \
             one room a page)",
            async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.filter = Some(search_for(rooms, None));
                request.limit = Some(uint!(1));
                let (first, note) = search(dirk, request.clone()).await?;
                let Some(next) = first.next_batch.clone() else {
                    return Err(format!(
                        "no next_batch on the first of two pages: {first:?}"
                    ));
                };
                request.since = Some(next);
                let (second, _) = search(dirk, request).await?;
                let mut both = first.chunk.clone();
                both.extend(second.chunk.clone());
                let found = found_exactly(&both, &[&rooms.cafe, &rooms.space])?;
                if first.chunk.len() != 1 || second.chunk.len() != 1 {
                    return Err(format!(
                        "pages of {} and {} rooms",
                        first.chunk.len(),
                        second.chunk.len()
                    ));
                }
                Ok(((), format!("two pages, {found}; {note}")))
            },
        )
        .await;
}

/// The directory one room a page: forward to the end, then back one page.
async fn paged(dirk: &User, rooms: &Rooms) -> StepResult<()> {
    let mut pages: Vec<get_public_rooms::v3::Response> = Vec::new();
    let mut since = None;
    let mut notes = BTreeSet::new();
    loop {
        let (response, note) = page(dirk, None, Some(uint!(1)), since.take()).await?;
        notes.insert(note);
        if response.chunk.len() != 1 {
            return Err(format!(
                "page {} has {} rooms",
                pages.len() + 1,
                response.chunk.len()
            ));
        }
        let next = response.next_batch.clone();
        pages.push(response);
        match next {
            Some(next) if pages.len() < 500 => since = Some(next),
            Some(_) => return Err("still a next_batch after 500 pages".to_owned()),
            None => break,
        }
    }
    let listed: Vec<&OwnedRoomId> = pages.iter().map(|p| &p.chunk[0].room_id).collect();
    let unique: BTreeSet<&OwnedRoomId> = listed.iter().copied().collect();
    if unique.len() != listed.len() {
        return Err(format!("a room on two pages: {listed:?}"));
    }
    if !unique.contains(&rooms.cafe) || !unique.contains(&rooms.space) {
        return Err(format!("the café room or the space missing: {listed:?}"));
    }
    if pages[0].prev_batch.is_some() {
        return Err(format!("a prev_batch on the first page: {:?}", pages[0]));
    }
    let last = pages.len() - 1;
    let Some(back) = pages[last].prev_batch.clone() else {
        return Err(format!("no prev_batch on the last page: {:?}", pages[last]));
    };
    let (previous, _) = page(dirk, None, Some(uint!(1)), Some(back)).await?;
    if ids(&previous.chunk) != BTreeSet::from([listed[last - 1]]) {
        return Err(format!(
            "back from page {} came {:?}, expected {}",
            last + 1,
            ids(&previous.chunk),
            listed[last - 1]
        ));
    }
    let notes: Vec<String> = notes.into_iter().collect();
    Ok((
        (),
        format!(
            "{} pages of one room, the café room and the space among them; back from the last \
             page: {}; {}",
            pages.len(),
            listed[last - 1],
            notes.join(", ")
        ),
    ))
}

// The application service's directory.

/// The bridge lists the bridged room for its network (dora cannot), the network's listing
/// and the listing of all networks show it, the server's own does not; the bridge takes it off.
async fn appservice_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    let request = |visibility| {
        appservice_visibility::v3::Request::new(
            NETWORK.to_owned(),
            rooms.bridged.clone(),
            visibility,
        )
    };
    report
        .step(
            "directory: PUT /directory/list/appservice/{networkId}/{roomId} (dora's user token: \
             403 M_FORBIDDEN)",
            async {
                let token = SendAccessToken::Always(dora.device.access_token.as_str());
                let seen =
                    exchange_with_token(&dora.client, request(Visibility::Public), token).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    let bridged = report
        .step(
            "directory: PUT /directory/list/appservice/{networkId}/{roomId} (the application \
             service lists the bridged room on irc)",
            async {
                // Any client of the server decides the path; the token is the service's.
                let token = SendAccessToken::Appservice(APPSERVICE_TOKEN);
                let seen =
                    exchange_with_token(&dirk.client, request(Visibility::Public), token).await?;
                empty_ok(seen, format!("{} public on {NETWORK}", rooms.bridged))
            },
        )
        .await;
    let instance = format!("{APPSERVICE_ID}|{NETWORK}");
    let skipped = |name: &'static str| {
        (
            name,
            "directory: PUT /directory/list/appservice/{networkId}/{roomId}",
        )
    };
    report
        .step_after(
            "directory: POST /publicRooms (third_party_instance_id interop-bridge|irc, \
             generic_search_term: the bridged room only)",
            bridged,
            skipped("directory: POST /publicRooms (third_party_instance_id)"),
            |()| async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.third_party_instance_id = Some(instance.clone());
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[&rooms.bridged])?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
    report
        .step_after(
            "directory: POST /publicRooms (include_all_networks, generic_search_term: the café \
             room, the space and the bridged room)",
            bridged,
            skipped("directory: POST /publicRooms (include_all_networks)"),
            |()| async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.include_all_networks = Some(true);
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(
                    &response.chunk,
                    &[&rooms.cafe, &rooms.space, &rooms.bridged],
                )?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
    report
        .step_after(
            "directory: POST /publicRooms (generic_search_term, the server's own directory: \
             still not the bridged room)",
            bridged,
            skipped("directory: POST /publicRooms (the server's own, after bridging)"),
            |()| async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[&rooms.cafe, &rooms.space])?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
    let unbridged = report
        .step_after(
            "directory: PUT /directory/list/appservice/{networkId}/{roomId} (the application \
             service takes the bridged room off: private)",
            bridged,
            skipped("directory: PUT /directory/list/appservice/{networkId}/{roomId} (private)"),
            |()| async {
                let token = SendAccessToken::Appservice(APPSERVICE_TOKEN);
                let seen =
                    exchange_with_token(&dirk.client, request(Visibility::Private), token).await?;
                empty_ok(seen, format!("{} private on {NETWORK}", rooms.bridged))
            },
        )
        .await;
    report
        .step_after(
            "directory: POST /publicRooms (third_party_instance_id interop-bridge|irc, \
             generic_search_term: none)",
            unbridged,
            skipped("directory: POST /publicRooms (third_party_instance_id, after)"),
            |()| async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.third_party_instance_id = Some(instance.clone());
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[])?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
}

/// Dora takes the café room off the directory; searches find the space only.
async fn unlisting_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    let unlisted = report
        .step(
            "directory: PUT /directory/list/room/{roomId} (dora takes the café room off: private)",
            set_visibility(dora, &rooms.cafe, Visibility::Private),
        )
        .await;
    let skipped = |name: &'static str| (name, "directory: PUT /directory/list/room/{roomId}");
    report
        .step_after(
            "directory: GET /directory/list/room/{roomId} (the café room: private again)",
            unlisted,
            skipped("directory: GET /directory/list/room/{roomId} (private again)"),
            |()| visibility_is(dirk, &rooms.cafe, Visibility::Private),
        )
        .await;
    report
        .step_after(
            "directory: POST /publicRooms (generic_search_term: the space only)",
            unlisted,
            skipped("directory: POST /publicRooms (after unlisting)"),
            |()| async {
                let mut request = get_public_rooms_filtered::v3::Request::new();
                request.filter = Some(search_for(rooms, None));
                let (response, note) = search(dirk, request).await?;
                let found = found_exactly(&response.chunk, &[&rooms.space])?;
                Ok(((), format!("{found}; {note}")))
            },
        )
        .await;
}

// Tags.

/// Dora's tags on the café room: a favourite with an order, a tag of her own whose name has
/// spaces, an apostrophe and non-ASCII (and a field of her client's); dirk cannot read them;
/// dora takes them off one by one.
async fn tag_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    let user_tag = TagName::user("Dora's café ☕ list");
    let mut own_info = TagInfo::with_order(0.5);
    own_info
        .other
        .insert("org.example.colour".to_owned(), json!("red"));
    let user_id = &dora.device.user_id;
    let room = &rooms.cafe;
    let put = |tag: TagName, info: TagInfo| async move {
        let request =
            create_tag::v3::Request::new(user_id.clone(), room.clone(), tag.clone(), info);
        let seen = exchange(&dora.client, request).await?;
        empty_ok(seen, format!("{} put on the café room", tag.as_str()))
    };
    let favourite = report
        .step(
            "directory: PUT /user/{userId}/rooms/{roomId}/tags/{tag} (dora: m.favourite, order 0.25)",
            put(TagName::Favourite, TagInfo::with_order(0.25)),
        )
        .await;
    let own = report
        .step(
            "directory: PUT /user/{userId}/rooms/{roomId}/tags/{tag} (dora: a u. tag with spaces \
             and non-ASCII, percent-encoded; order 0.5 and a field of her own)",
            put(user_tag.clone(), own_info.clone()),
        )
        .await;
    let both = favourite.and(own);
    let skipped = |name: &'static str| {
        (
            name,
            "directory: PUT /user/{userId}/rooms/{roomId}/tags/{tag}",
        )
    };
    report
        .step_after(
            "directory: GET /user/{userId}/rooms/{roomId}/tags (dora: both tags, as put)",
            both,
            skipped("directory: GET /user/{userId}/rooms/{roomId}/tags"),
            |()| {
                tags_are(
                    dora,
                    room,
                    vec![
                        (TagName::Favourite, TagInfo::with_order(0.25)),
                        (user_tag.clone(), own_info.clone()),
                    ],
                )
            },
        )
        .await;
    report
        .step(
            "directory: GET /user/{userId}/rooms/{roomId}/tags (dirk, dora's tags: 403 M_FORBIDDEN)",
            async {
                let request = get_tags::v3::Request::new(user_id.clone(), room.clone());
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    let delete = |tag: TagName| async move {
        let request = delete_tag::v3::Request::new(user_id.clone(), room.clone(), tag.clone());
        let seen = exchange(&dora.client, request).await?;
        empty_ok(seen, format!("{} taken off", tag.as_str()))
    };
    let unfavoured = report
        .step_after(
            "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag} (dora: m.favourite)",
            both,
            skipped("directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag} (m.favourite)"),
            |()| delete(TagName::Favourite),
        )
        .await;
    report
        .step_after(
            "directory: GET /user/{userId}/rooms/{roomId}/tags (dora: her own tag only)",
            unfavoured,
            (
                "directory: GET /user/{userId}/rooms/{roomId}/tags (after a delete)",
                "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag}",
            ),
            |()| tags_are(dora, room, vec![(user_tag.clone(), own_info.clone())]),
        )
        .await;
    let cleared = report
        .step_after(
            "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag} (dora: her own tag, \
             percent-encoded)",
            unfavoured,
            (
                "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag} (own tag)",
                "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag}",
            ),
            |()| delete(user_tag.clone()),
        )
        .await;
    report
        .step_after(
            "directory: GET /user/{userId}/rooms/{roomId}/tags (dora: none left)",
            cleared,
            (
                "directory: GET /user/{userId}/rooms/{roomId}/tags (none left)",
                "directory: DELETE /user/{userId}/rooms/{roomId}/tags/{tag} (own tag)",
            ),
            |()| tags_are(dora, room, vec![]),
        )
        .await;
}

/// Dora's tags on `room` are exactly `expected`.
async fn tags_are(
    dora: &User,
    room: &OwnedRoomId,
    expected: Vec<(TagName, TagInfo)>,
) -> StepResult<()> {
    let request = get_tags::v3::Request::new(dora.device.user_id.clone(), room.clone());
    let seen = exchange(&dora.client, request).await?;
    let (response, note) = seen.ok(&[])?;
    let want: std::collections::BTreeMap<TagName, TagInfo> = expected.into_iter().collect();
    if response.tags != want {
        return Err(format!("tags {:?}, expected {want:?}", response.tags));
    }
    let names: Vec<&str> = want.keys().map(TagName::as_str).collect();
    Ok(((), format!("{names:?}; {note}")))
}

// Account data.

/// Dora stores account data globally and for the café room, reads it back byte for byte;
/// types with nothing stored are not found, dirk cannot read hers, and the types Synapse
/// manages itself are refused.
async fn account_data_steps(report: &mut Report, rooms: &Rooms, dora: &User, dirk: &User) {
    let user_id = &dora.device.user_id;
    let room = &rooms.cafe;
    let stored = report
        .step(
            "directory: PUT /user/{userId}/account_data/{type} (dora: a namespaced type)",
            async {
                let request = set_global_account_data::v3::Request::new(
                    user_id.clone(),
                    GLOBAL_TYPE.to_owned(),
                    raw_text(GLOBAL_DATA)?,
                );
                let seen = exchange(&dora.client, request).await?;
                empty_ok(seen, format!("{GLOBAL_TYPE}: {GLOBAL_DATA}"))
            },
        )
        .await;
    report
        .step_after(
            "directory: GET /user/{userId}/account_data/{type} (dora: byte for byte as stored)",
            stored,
            (
                "directory: GET /user/{userId}/account_data/{type}",
                "directory: PUT /user/{userId}/account_data/{type}",
            ),
            |()| async {
                let request = get_global_account_data::v3::Request::new(
                    user_id.clone(),
                    GLOBAL_TYPE.to_owned(),
                );
                let seen = exchange(&dora.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                same_bytes(&seen.raw, response.account_data.json().get(), GLOBAL_DATA)?;
                Ok(((), format!("{} bytes, as sent; {note}", GLOBAL_DATA.len())))
            },
        )
        .await;
    report
        .step(
            "directory: GET /user/{userId}/account_data/{type} (dora, a type never stored: 404 \
             M_NOT_FOUND)",
            async {
                let request = get_global_account_data::v3::Request::new(
                    user_id.clone(),
                    "org.example.directory.never".to_owned(),
                );
                let seen = exchange(&dora.client, request).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
    report
        .step(
            "directory: GET /user/{userId}/account_data/{type} (dirk, dora's: 403 M_FORBIDDEN)",
            async {
                let request = get_global_account_data::v3::Request::new(
                    user_id.clone(),
                    GLOBAL_TYPE.to_owned(),
                );
                let seen = exchange(&dirk.client, request).await?;
                refused(seen, StatusCode::FORBIDDEN, ErrorKind::Forbidden)
            },
        )
        .await;
    report
        .step(
            "directory: PUT /user/{userId}/account_data/{type} (dora, m.push_rules: 405 M_BAD_JSON)",
            async {
                let request = set_global_account_data::v3::Request::new(
                    user_id.clone(),
                    "m.push_rules".to_owned(),
                    object(json!({}))?,
                );
                let seen = exchange(&dora.client, request).await?;
                refused(seen, StatusCode::METHOD_NOT_ALLOWED, ErrorKind::BadJson)
            },
        )
        .await;
    let stored = report
        .step(
            "directory: PUT /user/{userId}/rooms/{roomId}/account_data/{type} (dora, the café \
             room: a type with a space, percent-encoded)",
            async {
                let request = set_room_account_data::v3::Request::new(
                    user_id.clone(),
                    room.clone(),
                    ROOM_TYPE.to_owned(),
                    raw_text(ROOM_DATA)?,
                );
                let seen = exchange(&dora.client, request).await?;
                empty_ok(seen, format!("{ROOM_TYPE:?}: {ROOM_DATA}"))
            },
        )
        .await;
    report
        .step_after(
            "directory: GET /user/{userId}/rooms/{roomId}/account_data/{type} (dora: byte for \
             byte as stored)",
            stored,
            (
                "directory: GET /user/{userId}/rooms/{roomId}/account_data/{type}",
                "directory: PUT /user/{userId}/rooms/{roomId}/account_data/{type}",
            ),
            |()| async {
                let request = get_room_account_data::v3::Request::new(
                    user_id.clone(),
                    room.clone(),
                    ROOM_TYPE.to_owned(),
                );
                let seen = exchange(&dora.client, request).await?;
                let (response, note) = seen.ok(&[])?;
                same_bytes(&seen.raw, response.account_data.json().get(), ROOM_DATA)?;
                Ok(((), format!("{} bytes, as sent; {note}", ROOM_DATA.len())))
            },
        )
        .await;
    report
        .step(
            "directory: GET /user/{userId}/rooms/{roomId}/account_data/{type} (dora, the global \
             type, not stored for the room: 404 M_NOT_FOUND)",
            async {
                let request = get_room_account_data::v3::Request::new(
                    user_id.clone(),
                    room.clone(),
                    GLOBAL_TYPE.to_owned(),
                );
                let seen = exchange(&dora.client, request).await?;
                refused(seen, StatusCode::NOT_FOUND, ErrorKind::NotFound)
            },
        )
        .await;
    report
        .step(
            "directory: PUT /user/{userId}/rooms/{roomId}/account_data/{type} (dora, \
             m.fully_read: 405 M_BAD_JSON)",
            async {
                let request = set_room_account_data::v3::Request::new(
                    user_id.clone(),
                    room.clone(),
                    "m.fully_read".to_owned(),
                    object(json!({ "event_id": "$nosuchevent" }))?,
                );
                let seen = exchange(&dora.client, request).await?;
                refused(seen, StatusCode::METHOD_NOT_ALLOWED, ErrorKind::BadJson)
            },
        )
        .await;
}

/// The body Synapse sent, the raw JSON our response holds and what dora stored are the same
/// bytes.
fn same_bytes(raw: &crate::lossless::RawResponse, ours: &str, sent: &str) -> Result<(), String> {
    let theirs = String::from_utf8_lossy(raw.body());
    if theirs != sent {
        return Err(format!("Synapse sent {theirs}, dora stored {sent}"));
    }
    if ours != sent {
        return Err(format!("our response holds {ours}, Synapse sent {theirs}"));
    }
    Ok(())
}
