/** The offer of a Community Coordinator's help to a group whose project is in a deprived area. */
export function CoordinatorOffer({ offer, headingLevel = 2 }: { offer: { districtName: string | null; coordinators: { name: string; email: string }[] }; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading className="govuk-heading-s">Help from a Community Coordinator</Heading>
      <p className="govuk-body">
        Your project is in an area where the council offers groups extra support.{" "}
        {offer.coordinators.length
          ? `${offer.districtName ?? "Your district"}\u2019s Community Coordinator can help you with this and future applications:`
          : "Contact the council to be put in touch with a Community Coordinator."}
      </p>
      {offer.coordinators.length ? (
        <ul className="govuk-list">
          {offer.coordinators.map((c) => (
            <li key={c.email}>
              {c.name},{" "}
              <a className="govuk-link" href={`mailto:${c.email}`}>
                {c.email}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
