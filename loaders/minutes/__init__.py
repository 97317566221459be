"""Minutes and notices of any body: recognition, roll call, agenda items, presenters, decisions, dates."""
