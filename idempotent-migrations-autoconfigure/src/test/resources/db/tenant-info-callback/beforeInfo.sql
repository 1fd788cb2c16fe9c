INSERT INTO public.callback_calls VALUES ('${tenant}');
