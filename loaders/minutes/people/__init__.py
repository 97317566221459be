"""Who the minutes name: the roll call, people acting in the running text, their posts and organisations."""
