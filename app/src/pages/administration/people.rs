//! `/admin/personen`: find accounts, deactivate them, change roles, resend invitations.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::administration::{
    load_users, ResendInvitation, RevokeInvitation, SetUserActive, SetUserRoles,
};
use crate::components::notice::{AccessError, ErrorNotice};
use crate::domain::Role;
use crate::views::administration::{InvitationView, UserView, UsersOverview};

#[component]
pub fn PeoplePage() -> impl IntoView {
    crate::components::sign_in_required::require_sign_in();
    let query = use_query_map();
    let set_active = ServerAction::<SetUserActive>::new();
    let set_roles = ServerAction::<SetUserRoles>::new();
    let resend = ServerAction::<ResendInvitation>::new();
    let revoke = ServerAction::<RevokeInvitation>::new();
    let data = Resource::new(
        move || {
            let q = query.read();
            let param = |k: &str| q.get(k).unwrap_or_default();
            (
                param("behoerde"),
                param("rolle"),
                param("suche"),
                param("seite").parse::<i64>().ok(),
                set_active.version().get(),
                set_roles.version().get(),
                resend.version().get(),
                revoke.version().get(),
            )
        },
        |(office, role, search, page, ..)| load_users(office, role, search, page),
    );
    let failure = move || {
        [
            set_active.value().get().and_then(Result::err),
            set_roles.value().get().and_then(Result::err),
            resend.value().get().and_then(Result::err),
            revoke.value().get().and_then(Result::err),
        ]
        .into_iter()
        .flatten()
        .next()
        .map(|error| view! { <ErrorNotice error/> })
    };
    view! {
        <Title text="Personen und Einladungen"/>
        <h1>"Personen und Einladungen"</h1>
        <p><a class="button" href="/admin/einladen">"Personen einladen"</a></p>
        {failure}
        <Suspense fallback=|| view! { <p>"Wird geladen …"</p> }>
            {move || Suspend::new(async move {
                match data.await {
                    Err(err) => view! { <AccessError error=err/> }.into_any(),
                    Ok(page) => view! { <People page set_active set_roles resend revoke/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn People(
    page: UsersOverview,
    set_active: ServerAction<SetUserActive>,
    set_roles: ServerAction<SetUserRoles>,
    resend: ServerAction<ResendInvitation>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    let query = use_query_map();
    let current = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let (office, role, search) = (current("behoerde"), current("rolle"), current("suche"));
    let pager = view! {
        <Pagination page=page.page pages=page.pages office=office.clone() role=role.clone() search=search.clone()/>
    };
    let UsersOverview {
        users,
        total,
        page: page_number,
        pages,
        invitations,
        offices,
        grantable,
        is_admin,
        own_user_id,
    } = page;
    view! {
        <form method="get" class="filters" role="search" aria-label="Personen filtern">
            {is_admin.then(|| view! {
                <div class="field">
                    <label for="filter-office">"Behörde"</label>
                    <select id="filter-office" name="behoerde">
                        <option value="">"alle"</option>
                        {offices.iter().map(|o| view! {
                            <option value=o.id.to_string() selected=office == o.id.to_string()>{o.name.clone()}</option>
                        }).collect_view()}
                    </select>
                </div>
            })}
            <div class="field">
                <label for="filter-role">"Rolle"</label>
                <select id="filter-role" name="rolle">
                    <option value="">"alle"</option>
                    {Role::ALL.into_iter().map(|r| view! {
                        <option value=r.key() selected=role == r.key()>{r.label_de()}</option>
                    }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="filter-search">"Name oder E-Mail"</label>
                <input id="filter-search" name="suche" type="search" value=search/>
            </div>
            <button type="submit" class="button button--secondary">"Filtern"</button>
        </form>
        <h2>"Konten"</h2>
        {if users.is_empty() {
            view! { <p class="empty-state">"Keine Konten gefunden."</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table>
                        <caption>{
                            let count = if total == 1 { "1 Konto".to_owned() } else { format!("{total} Konten") };
                            if pages > 1 { format!("{count}, Seite {page_number} von {pages}") } else { count }
                        }</caption>
                        <thead><tr>
                            <th scope="col">"Name"</th><th scope="col">"Behörde / Team"</th>
                            <th scope="col">"Rollen"</th><th scope="col">"Status"</th>
                        </tr></thead>
                        <tbody>
                            {users.into_iter().map(|u| view! {
                                <UserRowView user=u grantable=grantable.clone() own_user_id set_active set_roles/>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        }}
        {pager}
        <h2>"Offene Einladungen"</h2>
        <Invitations invitations resend revoke/>
    }
}

/// Links to the previous and next page, keeping the filters.
#[component]
fn Pagination(
    page: i64,
    pages: i64,
    office: String,
    role: String,
    search: String,
) -> impl IntoView {
    let href = move |p: i64| {
        let pairs = [
            ("behoerde", office.as_str()),
            ("rolle", role.as_str()),
            ("suche", search.as_str()),
        ];
        let mut query: Vec<String> = pairs
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={}", crate::components::notice::encode_path(v)))
            .collect();
        query.push(format!("seite={p}"));
        format!("/admin/personen?{}", query.join("&"))
    };
    (pages > 1).then(|| view! {
        <nav class="pager" aria-label="Seiten der Kontenliste">
            {(page > 1).then(|| view! { <a class="pager__prev" rel="prev" href=href(page - 1)>"Vorherige Seite"</a> })}
            {(page < pages).then(|| view! { <a class="pager__next" rel="next" href=href(page + 1)>"Nächste Seite"</a> })}
        </nav>
    })
}

#[component]
fn UserRowView(
    user: UserView,
    grantable: Vec<Role>,
    own_user_id: i64,
    set_active: ServerAction<SetUserActive>,
    set_roles: ServerAction<SetUserRoles>,
) -> impl IntoView {
    let id = user.id;
    let editable = id != own_user_id;
    let status = match (user.active, user.has_password) {
        (false, _) => "deaktiviert",
        (true, false) => "eingeladen",
        (true, true) => "aktiv",
    };
    let legend = format!("Rollen von {}", user.display_name);
    let hidden_name = format!(": {}", user.display_name);
    let place = [user.office.clone(), user.team.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" / ");
    view! {
        <tr>
            <th scope="row">{user.display_name.clone()}<br/><span class="hint">{user.email.clone()}</span></th>
            <td>{if place.is_empty() { "–".to_string() } else { place }}</td>
            <td>
                <ActionForm action=set_roles attr:class="role-form">
                    <input type="hidden" name="user_id" value=id.to_string()/>
                    <fieldset>
                        <legend class="visually-hidden">{legend}</legend>
                        {Role::ALL.into_iter().map(|role| {
                            let input_id = format!("role-{id}-{}", role.key());
                            let disabled = !editable || !grantable.contains(&role);
                            view! {
                                <span class="checkbox">
                                    <input type="checkbox" id=input_id.clone() name=role.key() value="on"
                                        checked=user.roles.contains(&role) disabled=disabled/>
                                    <label for=input_id>{role.label_de()}</label>
                                </span>
                            }
                        }).collect_view()}
                    </fieldset>
                    {editable.then(|| view! { <button type="submit" class="button button--secondary">"Rollen speichern"</button> })}
                </ActionForm>
            </td>
            <td>
                {status}
                {editable.then(|| view! {
                    <ActionForm action=set_active>
                        <input type="hidden" name="user_id" value=id.to_string()/>
                        <input type="hidden" name="active" value=(!user.active).to_string()/>
                        <button type="submit" class="button button--secondary">
                            {if user.active { "Deaktivieren" } else { "Reaktivieren" }}
                            <span class="visually-hidden">{hidden_name}</span>
                        </button>
                    </ActionForm>
                })}
            </td>
        </tr>
    }
}

#[component]
fn Invitations(
    invitations: Vec<InvitationView>,
    resend: ServerAction<ResendInvitation>,
    revoke: ServerAction<RevokeInvitation>,
) -> impl IntoView {
    if invitations.is_empty() {
        return view! { <p class="empty-state">"Keine offenen Einladungen."</p> }.into_any();
    }
    view! {
        <div class="table-scroll">
            <table>
                <caption>"Eingeladene Personen, die noch kein Passwort festgelegt haben"</caption>
                <thead><tr><th scope="col">"Person"</th><th scope="col">"Behörde / Team"</th><th scope="col">"Gültig bis"</th><th scope="col">"Aktion"</th></tr></thead>
                <tbody>
                    {invitations.into_iter().map(|i| {
                        let resend_label = format!(": {}", i.email);
                        let revoke_label = resend_label.clone();
                        view! {
                        <tr>
                            <th scope="row">{i.display_name.clone()}<br/><span class="hint">{i.email.clone()}</span></th>
                            <td>{match i.team { Some(team) => format!("{} / {team}", i.office), None => i.office }}</td>
                            <td>{if i.expired { format!("{} (abgelaufen)", i.expires) } else { i.expires }}</td>
                            <td>
                                <ActionForm action=resend>
                                    <input type="hidden" name="invitation_id" value=i.id.to_string()/>
                                    <button type="submit" class="button button--secondary">
                                        "Erneut senden"<span class="visually-hidden">{resend_label}</span>
                                    </button>
                                </ActionForm>
                                <ActionForm action=revoke>
                                    <input type="hidden" name="invitation_id" value=i.id.to_string()/>
                                    <button type="submit" class="button button--quiet">
                                        "Zurückziehen"<span class="visually-hidden">{revoke_label}</span>
                                    </button>
                                </ActionForm>
                            </td>
                        </tr>
                    }}).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}
