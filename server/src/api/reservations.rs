//! `dhcplane.v1.Reservations`.

use dhcplane_proto::v1 as pb;
use tonic::{Request, Response, Status};
use tracing::info;

use super::audit;
use super::convert::{self as cv, invalid};
use super::{change, principal, status, Api, ApiResult, Audited};

fn object(r: &Reservation) -> String {
    format!("reservation {} ({})", r.id.0, r.spec.ip)
}
use crate::events::{Event, EventKind};
use crate::model::{
    Page, Reservation, ReservationFilter, ReservationId, ReservationSpec, ReservationUpdate,
    SubnetId,
};
use crate::store::StoreError;

impl Api {
    /// The one reservation a delete or get key names.
    async fn reservation_by(
        &self,
        ip: Option<&str>,
        mac: Option<&str>,
    ) -> Result<Reservation, Status> {
        let filter = ReservationFilter {
            ip: ip.map(|s| cv::ip("ip", s)).transpose()?,
            mac: mac.map(|s| cv::mac("mac", s)).transpose()?.flatten(),
            ..Default::default()
        };
        let mut hits = self
            .store
            .list_reservations(&filter, Page { after: 0, limit: 2 })
            .await
            .map_err(status)?;
        let key = ip.or(mac).unwrap_or_default();
        match hits.len() {
            0 => Err(status(StoreError::NotFound(format!("no reservation for {key}")))),
            1 => Ok(hits.remove(0)),
            _ => Err(Status::failed_precondition(format!(
                "{key} has reservations in several subnets; delete by id (see `dhcpctl reservation list --mac {key}`)"
            ))),
        }
    }
}

impl Api {
    async fn reservation_event(&self, kind: EventKind, who: &str, r: &Reservation) -> Event {
        let subnet = self.store.get_subnet(r.spec.subnet_id).await.ok();
        let mut e = change(kind, who, subnet.as_ref()).with("reservation_id", r.id.0);
        e.mac = r.spec.mac;
        e.client_id = r.spec.client_id.clone();
        e.ip = Some(r.spec.ip);
        e.hostname = r.spec.hostname.clone();
        e
    }
}

#[tonic::async_trait]
impl pb::reservations_server::Reservations for Api {
    async fn create_reservation(
        &self,
        req: Request<pb::CreateReservationRequest>,
    ) -> ApiResult<pb::Reservation> {
        let who = principal(&req);
        let req = req.into_inner();
        let r = req
            .reservation
            .ok_or_else(|| invalid("reservation", "is missing"))?;
        let spec = ReservationSpec {
            subnet_id: SubnetId(cv::opt_id(r.subnet_id).unwrap_or(0)),
            mac: cv::mac("reservation.mac", &r.mac)?,
            client_id: cv::client_id("reservation.client_id", &r.client_id)?,
            ip: cv::ip("reservation.ip", &r.ip)?,
            hostname: cv::blank(&r.hostname),
            labels: cv::labels(r.labels),
            boot: cv::boot_fields("reservation", &r.next_server, &r.server_name, &r.boot_file)?,
        };
        if spec.mac.is_none() && spec.client_id.is_none() {
            return Err(invalid(
                "reservation.mac",
                "is missing; give a MAC, a client_id or both",
            ));
        }
        let options = cv::option_settings("options", &req.options)?;
        let r = self
            .store
            .create_reservation(&spec, &options)
            .await
            .map_err(status)?;
        info!(reservation = r.id.0, ip = %r.spec.ip, mac = %r.spec.mac.map(|m| m.to_string()).unwrap_or_default(), "reservation created");
        self.changed(
            self.reservation_event(EventKind::ReservationCreated, &who, &r)
                .await,
            Audited::new(object(&r), None, Some(audit::reservation(&r))),
        )
        .await;
        Ok(Response::new(cv::reservation(r)))
    }

    async fn get_reservation(
        &self,
        req: Request<pb::GetReservationRequest>,
    ) -> ApiResult<pb::Reservation> {
        use pb::get_reservation_request::Key;
        let r = match req.into_inner().key {
            Some(Key::Id(id)) => self
                .store
                .get_reservation(ReservationId(cv::id("id", id)?))
                .await
                .map_err(status)?,
            Some(Key::Ip(ip)) => self.reservation_by(Some(&ip), None).await?,
            None => return Err(invalid("key", "is missing; give id or ip")),
        };
        Ok(Response::new(cv::reservation(r)))
    }

    async fn list_reservations(
        &self,
        req: Request<pb::ListReservationsRequest>,
    ) -> ApiResult<pb::ListReservationsResponse> {
        let r = req.into_inner();
        let page = cv::page(r.page_size, &r.page_token)?;
        let label = match cv::blank(&r.label) {
            None => None,
            Some(l) => Some(
                l.split_once('=')
                    .map(|(k, v)| (k.to_string(), v.to_string()))
                    .ok_or_else(|| invalid("label", format!("{l:?} is not key=value")))?,
            ),
        };
        let filter = ReservationFilter {
            subnet_id: cv::opt_id(r.subnet_id).map(SubnetId),
            mac: cv::mac("mac", &r.mac)?,
            ip: cv::opt_ip("ip", &r.ip)?,
            hostname: cv::blank(&r.hostname),
            label,
        };
        let items = self
            .store
            .list_reservations(&filter, page)
            .await
            .map_err(status)?;
        let (items, next_page_token) = cv::paginate(items, page, |r| r.id.0);
        Ok(Response::new(pb::ListReservationsResponse {
            reservations: items.into_iter().map(cv::reservation).collect(),
            next_page_token,
        }))
    }

    async fn update_reservation(
        &self,
        req: Request<pb::UpdateReservationRequest>,
    ) -> ApiResult<pb::Reservation> {
        let who = principal(&req);
        let r = req.into_inner();
        let id = ReservationId(cv::id("id", r.id)?);
        let before = self.store.get_reservation(id).await.map_err(status)?;
        let update = ReservationUpdate {
            mac: r.mac.map(|m| cv::mac("mac", &m)).transpose()?,
            client_id: r
                .client_id
                .map(|c| cv::client_id("client_id", &c))
                .transpose()?,
            ip: r.ip.map(|i| cv::ip("ip", &i)).transpose()?,
            hostname: r.hostname.map(|h| cv::blank(&h)),
            labels: r.labels.map(|l| cv::labels(l.labels)),
            boot: cv::boot_update(r.next_server, r.server_name, r.boot_file)?,
        };
        let r = self
            .store
            .update_reservation(id, &update)
            .await
            .map_err(status)?;
        info!(reservation = r.id.0, ip = %r.spec.ip, "reservation updated");
        self.changed(
            self.reservation_event(EventKind::ReservationUpdated, &who, &r)
                .await,
            Audited::new(
                object(&r),
                Some(audit::reservation(&before)),
                Some(audit::reservation(&r)),
            ),
        )
        .await;
        Ok(Response::new(cv::reservation(r)))
    }

    async fn delete_reservation(
        &self,
        req: Request<pb::DeleteReservationRequest>,
    ) -> ApiResult<pb::DeleteReservationResponse> {
        use pb::delete_reservation_request::Key;
        let who = principal(&req);
        let id = match req.into_inner().key {
            Some(Key::Id(id)) => ReservationId(cv::id("id", id)?),
            Some(Key::Ip(ip)) => self.reservation_by(Some(&ip), None).await?.id,
            Some(Key::Mac(mac)) => {
                if mac.is_empty() {
                    return Err(invalid("mac", "is empty; give the reservation's MAC"));
                }
                self.reservation_by(None, Some(&mac)).await?.id
            }
            None => return Err(invalid("key", "is missing; give id, ip or mac")),
        };
        let r = self.store.delete_reservation(id).await.map_err(status)?;
        info!(reservation = r.id.0, ip = %r.spec.ip, "reservation deleted");
        self.changed(
            self.reservation_event(EventKind::ReservationDeleted, &who, &r)
                .await,
            Audited::new(object(&r), Some(audit::reservation(&r)), None),
        )
        .await;
        Ok(Response::new(pb::DeleteReservationResponse {
            deleted: Some(cv::reservation(r)),
        }))
    }
}
